using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>
/// The machine's 1-minute load average (<c>/proc/loadavg</c>) sampled every 5 s during a run. Timing figures taken
/// while other processes kept more than every core busy measure the machine, not the product: the benchmark then
/// says its timing verdicts are invalid instead of printing PASS or FAIL on them.
/// </summary>
public sealed class MachineLoad : IAsyncDisposable
{
    private readonly List<double> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    private MachineLoad() => _sampler = SampleAsync();

    public static MachineLoad Start() => new();

    /// <summary>Mean of the samples so far, or null where <c>/proc/loadavg</c> does not exist.</summary>
    public double? Mean
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count == 0 ? null : _samples.Average();
            }
        }
    }

    /// <summary>True when the mean load exceeded the number of cores: the timing figures are not the product's.</summary>
    public bool Overloaded => Mean is { } mean && mean > Environment.ProcessorCount;

    public string Describe() => Mean is { } mean
        ? $"load average {mean:0.0} on {Environment.ProcessorCount} cores (mean of 1-minute samples during the run)"
        : "load average unknown (no /proc/loadavg)";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Read() is { } load)
            {
                lock (_samples)
                {
                    _samples.Add(load);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
        }
    }

    private static double? Read()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return null;
        }

        var first = File.ReadAllText(path).Split(' ', 2)[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
