using System.Globalization;

namespace Helpdesk.Benchmarks;

/// <summary>
/// The standalone host (functions/Helpdesk.Standalone) as a separate process, started from its own build output with
/// <c>dotnet Helpdesk.Standalone.dll</c>, so that its memory and CPU are its own.
/// </summary>
public sealed class HostProcess : IDisposable
{
    public const string ApiKey = "benchmark-api-key-0123456789abcdef";

    private HostProcess(ChildProcess process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    public ChildProcess Process { get; }
    public Uri BaseAddress { get; }

    /// <param name="settings">Extra configuration for the host, as environment variables (<c>Helpdesk__Sla__P1__Resolution</c>…); they override the defaults below.</param>
    public static async Task<HostProcess> StartAsync(string repoRoot, string storageConnectionString, int smtpPort, string? hostDll = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = hostDll ?? FindHostDll(repoRoot);
        var port = Azurite.FreePorts(1)[0];
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["Helpdesk__Storage__ConnectionString"] = storageConnectionString,
            ["Helpdesk__ApiKey"] = ApiKey,
            ["Helpdesk__Signing__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Helpdesk__Smtp__Host"] = "127.0.0.1",
            ["Helpdesk__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Helpdesk__Smtp__Security"] = "None",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // The load comes from one address: lift the public routes' abuse limits (Helpdesk:RateLimits).
            ["Helpdesk__RateLimits__TicketPosts"] = "1000000",
            ["Helpdesk__RateLimits__FormGets"] = "1000000",
            // Benchmarks reuse a few hundred requester addresses: measure the acknowledgment that is sent, not the limit.
            ["Helpdesk__Notifications__MaxAcknowledgmentsPerRecipientPerHour"] = "1000",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = await ChildProcess.StartAsync("dotnet", [dll, "--urls", baseAddress.ToString().TrimEnd('/')], Path.GetDirectoryName(dll)!, environment);
        var host = new HostProcess(process, baseAddress);
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    public void Dispose() => Process.Dispose();

    /// <summary>Ready = the form page answers 200 (Kestrel listens only after the storage initializer has run).</summary>
    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException("The standalone host exited during start-up:\n" + Process.Output);
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/api/form", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The standalone host did not answer GET /api/form within {timeout.TotalSeconds:0} s:\n" + Process.Output);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The host's own build output, in the benchmark's configuration (the ProjectReference builds it): it has the host's
    /// runtimeconfig (server GC, as in production) and deps files.
    /// </summary>
    private static string FindHostDll(string repoRoot)
    {
        var projectDir = Path.Combine(repoRoot, "functions", "Helpdesk.Standalone");
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var candidate = Path.Combine(projectDir, "bin", configuration, tfmDir.Name, "Helpdesk.Standalone.dll");
        if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
        {
            return candidate;
        }

        throw new FileNotFoundException($"Standalone host not built at {candidate}: build tests/Helpdesk.Benchmarks (it references the host) or pass --host-dll.");
    }
}
