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
            Report(ex, error ?? Console.Error);
            return ExitCode;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            foreach (var inner in ex.InnerExceptions.Cast<OptionsValidationException>())
            {
                Report(inner, error ?? Console.Error);
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
}
