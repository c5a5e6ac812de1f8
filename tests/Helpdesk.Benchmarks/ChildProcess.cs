using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.Benchmarks;

/// <summary>
/// A child process (Azurite, the standalone host) run under a small bash watchdog that kills it if the benchmark
/// disappears, so that a crashed or interrupted run leaves nothing behind. <see cref="Pid"/> is the real child's id
/// (for /proc readings), not the watchdog's.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const string Watchdog = """
        parent="$1"; shift
        if [ -n "$BENCH_OUTPUT_FILE" ]; then "$@" >"$BENCH_OUTPUT_FILE" 2>&1 & else "$@" & fi
        child=$!
        echo "watchdog-child-pid $child"
        trap 'kill "$child" 2>/dev/null' TERM INT
        while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        kill "$child" 2>/dev/null
        for _ in 1 2 3 4 5; do kill -0 "$child" 2>/dev/null || break; sleep 1; done
        kill -KILL "$child" 2>/dev/null
        wait "$child"
        """;

    private readonly Process _watchdog;
    private readonly StringBuilder _output = new();
    private int _stopped;

    private ChildProcess(Process watchdog, int pid)
    {
        _watchdog = watchdog;
        Pid = pid;
    }

    public int Pid { get; }

    public bool HasExited => _watchdog.HasExited || !File.Exists($"/proc/{Pid}/status");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ChildProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", Watchdog, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), fileName },
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var pid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo };
        ChildProcess? child = null;
        var early = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.StartsWith("watchdog-child-pid ", StringComparison.Ordinal))
            {
                pid.TrySetResult(int.Parse(line.AsSpan("watchdog-child-pid ".Length), CultureInfo.InvariantCulture));
                return;
            }

            var sink = child?._output ?? early;
            lock (sink)
            {
                // Keep the start of the output (enough to explain a failed start) without growing for ever.
                if (sink.Length < 64 * 1024)
                {
                    sink.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var childPid = await pid.Task.WaitAsync(TimeSpan.FromSeconds(10));
        child = new ChildProcess(process, childPid);
        lock (early)
        {
            child._output.Append(early);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => child.Dispose();
        return child;
    }

    /// <summary>Waits until every port on 127.0.0.1 accepts a TCP connection.</summary>
    public async Task WaitUntilListeningAsync(IEnumerable<int> ports, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (waited.Elapsed < timeout && !HasExited)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    /// <summary>Resident memory (VmRSS) and its peak (VmHWM) in MiB, from /proc.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024.0;
            }
        }

        return (rss, peak);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_watchdog.HasExited)
            {
                // TERM to the watchdog: its trap stops the child; then make sure both are gone.
                using (var kill = Process.Start("kill", ["-TERM", _watchdog.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    kill.WaitForExit();
                }

                if (!_watchdog.WaitForExit(10_000))
                {
                    _watchdog.Kill(entireProcessTree: true);
                    _watchdog.WaitForExit(5000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _watchdog.Dispose();
        }
    }
}
