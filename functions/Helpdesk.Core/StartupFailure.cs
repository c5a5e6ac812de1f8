using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core;

/// <summary>
/// What a host prints when it cannot start because of its settings: one line per wrong setting, naming it, instead
/// of a stack trace. Both hosts' Program.cs wrap their start in <see cref="RunAsync"/>.
/// </summary>
public static class StartupFailure
{
    /// <summary>Exit code of a host stopped by its settings (sysexits EX_CONFIG).</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// Builds the host, checks every validated option before anything starts, then runs it. Checking first means a
    /// wrong setting ends the process with <see cref="ExitCode"/> and one line per setting, before the host's own
    /// "Hosting failed to start" log (a stack trace) or any hosted service (the Functions worker's gRPC client) runs.
    /// </summary>
    public static Task<int> RunAsync(Func<IHost> build, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        return RunAsync(async () =>
        {
            var host = build();
            try
            {
                host.Services.GetService<IStartupValidator>()?.Validate();
            }
            catch (Exception)
            {
                await DisposeAsync(host);
                throw;
            }

            await host.RunAsync();
        }, error);
    }

    public static async Task<int> RunAsync(Func<Task> run, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Report(ex, error ?? System.Console.Error);
            return ExitCode;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            foreach (var inner in ex.InnerExceptions.Cast<OptionsValidationException>())
            {
                Report(inner, error ?? System.Console.Error);
            }

            return ExitCode;
        }
    }

    public static void Report(OptionsValidationException exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var failure in exception.Failures)
        {
            error.WriteLine($"Helpdesk cannot start: {failure}");
        }
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
