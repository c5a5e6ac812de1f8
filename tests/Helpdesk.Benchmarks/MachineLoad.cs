using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>
/// What the rest of the machine did during a run, sampled every 5 s: the CPU used by processes outside this
/// benchmark's own process tree (the benchmark, the host and the Azurites it started) = the machine's busy time
/// (<c>/proc/stat</c>) minus the tree's (<c>/proc/[pid]/stat</c>). The 1-minute load average is reported too, but it
/// cannot decide: a benchmark that saturates both cores by itself raises it above the core count. Timing figures taken
/// while other processes held a good share of the cores measure the machine, not the product: the benchmark then says
/// its timing verdicts are invalid instead of printing PASS or FAIL on them.
/// </summary>
public sealed class MachineLoad : IAsyncDisposable
{
    /// <summary>Other processes using more than this share of the machine on average make timing verdicts invalid.</summary>
    public const double MaxOthersShare = 0.25;

    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).

    private readonly List<double> _loads = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly int _self = Environment.ProcessId;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private (long Busy, long Own, TimeSpan At)? _first;
    private (long Busy, long Own, TimeSpan At)? _last;

    private MachineLoad() => _sampler = SampleAsync();

    public static MachineLoad Start() => new();

    /// <summary>Mean 1-minute load average of the samples so far, or null where <c>/proc/loadavg</c> does not exist.</summary>
    public double? Mean
    {
        get
        {
            lock (_loads)
            {
                return _loads.Count == 0 ? null : _loads.Average();
            }
        }
    }

    /// <summary>Mean number of cores other processes kept busy between the first and the last sample, or null.</summary>
    public double? OtherCores
    {
        get
        {
            lock (_loads)
            {
                if (_first is not { } first || _last is not { } last || last.Busy <= first.Busy)
                {
                    return null;
                }

                // Busy ticks are summed over all cores: divided by one core's ticks over the span, they are cores.
                var others = Math.Max(0, (last.Busy - first.Busy) - (last.Own - first.Own));
                var spanTicks = (last.At - first.At).TotalSeconds * TicksPerSecond;
                return spanTicks <= 0 ? null : others / spanTicks;
            }
        }
    }

    /// <summary>True when other processes used more than <see cref="MaxOthersShare"/> of the machine: the timing figures are not the product's.</summary>
    public bool Overloaded => OtherCores is { } others
        ? others > MaxOthersShare * Environment.ProcessorCount
        : Mean is { } mean && mean > Environment.ProcessorCount; // no /proc/stat: the load average is all there is

    public string Describe()
    {
        var load = Mean is { } mean ? $"load average {mean:0.0}" : "load average unknown";
        return OtherCores is { } others
            ? $"other processes used {others:0.00} of {Environment.ProcessorCount} cores, {load} (mean over the run, this benchmark's processes included in the load)"
            : $"{load} on {Environment.ProcessorCount} cores (mean of 1-minute samples during the run)";
    }

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
        var ownByPid = new Dictionary<int, long>();
        while (!_stop.IsCancellationRequested)
        {
            var load = ReadLoad();
            var busy = ReadBusyTicks();
            var tree = ReadTreeTicks(_self);
            lock (_loads)
            {
                if (load is { } l)
                {
                    _loads.Add(l);
                }

                if (busy is { } b && tree is not null)
                {
                    // A process of the tree keeps the last ticks seen of it after it exits (its ticks since that
                    // sample are lost and count as others': the verdict errs towards INVALID).
                    foreach (var (pid, ticks) in tree)
                    {
                        ownByPid[pid] = ticks;
                    }

                    var sample = (b, ownByPid.Values.Sum(), _clock.Elapsed);
                    _first ??= sample;
                    _last = sample;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
        }
    }

    private static double? ReadLoad()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return null;
        }

        var first = File.ReadAllText(path).Split(' ', 2)[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The machine's busy ticks over all cores: the first line of <c>/proc/stat</c> without idle and iowait.</summary>
    private static long? ReadBusyTicks()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        var cpu = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => i < cpu.Length && long.TryParse(cpu[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        // cpu user nice system idle iowait irq softirq steal
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }

    /// <summary>utime+stime of <paramref name="root"/> and every descendant, by pid; null without <c>/proc</c>.</summary>
    private static Dictionary<int, long>? ReadTreeTicks(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        var parent = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The command name may hold spaces and parentheses: the fields start after the last ')'.
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // f[0] state, f[1] ppid, ..., f[11] utime, f[12] stime
                parent[pid] = (int.Parse(f[1], CultureInfo.InvariantCulture),
                    long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        var tree = new Dictionary<int, long>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            if (parent.TryGetValue(pid, out var p))
            {
                tree[pid] = p.Ticks;
            }

            foreach (var (child, info) in parent)
            {
                if (info.Parent == pid && !tree.ContainsKey(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return tree;
    }
}
