namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>Locations in the repository, found from the test output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that contains Serverless.sln.</summary>
    public static string Root => s_root.Value;

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
