using System.Diagnostics;
using System.Reflection;

namespace Helpdesk.InfraTests;

/// <summary>Runs the Bicep CLI restored by the PackageDownload item of this project.</summary>
public static class BicepCli
{
    private static readonly Lazy<string> s_path = new(FindExecutable);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string InfraDirectory => Path.Combine(RepoRoot, "infra");

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(s_path.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Secrets in .bicepparam files come from the environment; keep the test independent of the caller's shell.
        startInfo.Environment["SMTP_PASSWORD"] = string.Empty;

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {s_path.Value}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindExecutable()
    {
        var candidates = new List<string>();
        var fromBuild = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPath")?.Value;
        if (!string.IsNullOrEmpty(fromBuild))
        {
            candidates.Add(fromBuild);
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        candidates.Add(Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep"));

        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Bicep CLI not found (looked at {string.Join(", ", candidates)}). Run `dotnet restore tests/Helpdesk.InfraTests`.");

        // NuGet extraction does not always keep the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}

public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines such as <c>main.bicep(3,7) : Error BCP035: ...</c>.</summary>
    public IReadOnlyList<string> Errors => Lines(" : Error ");

    public IReadOnlyList<string> Warnings => Lines(" : Warning ");

    public override string ToString() => $"exit code {ExitCode}\n{StandardError}";

    private List<string> Lines(string marker) =>
        StandardError.Split('\n').Concat(StandardOutput.Split('\n'))
            .Where(line => line.Contains(marker, StringComparison.Ordinal))
            .ToList();
}
