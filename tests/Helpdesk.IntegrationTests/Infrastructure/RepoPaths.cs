namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>Locations in the repository, found from the test output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that contains Serverless.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The build configuration these tests were built with: the hosts' outputs are read from the same one.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>A file of a host project's build output, e.g. <c>BuildOutput("Helpdesk.Standalone", "Helpdesk.Standalone.dll")</c>.</summary>
    public static string BuildOutput(string project, string file) =>
        Path.Combine(Root, "functions", project, "bin", Configuration, "net10.0", file);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln found above {AppContext.BaseDirectory}.");
    }
}
