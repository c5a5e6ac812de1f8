using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Publish;

/// <summary>
/// The package that goes to Azure, read the way the Functions host reads it: <c>dotnet publish</c> of
/// Helpdesk.Functions (the build this test project already made, <c>--no-build</c>, so it costs seconds) into a temporary
/// folder, then its <c>functions.metadata</c>, <c>worker.config.json</c>, <c>extensions.json</c> and <c>host.json</c>,
/// and nothing of a developer's machine inside.
/// </summary>
public sealed class FunctionsPublishTests(FunctionsPublishTests.PublishedPackage package) : IClassFixture<FunctionsPublishTests.PublishedPackage>
{
    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionOfTheBuild_WithEveryKindOfTrigger()
    {
        // The build's functions.metadata is the one the parity tests compare with the standalone host, function by function.
        var built = Metadata(RepoPaths.BuildOutput("Helpdesk.Functions", "functions.metadata"));
        var published = Metadata(package.PathOf("functions.metadata"));

        Assert.NotEmpty(published);
        Assert.Equal(built.Keys.Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
        Assert.All(built, f => Assert.True(JsonNode.DeepEquals(f.Value, published[f.Key]), $"{f.Key} differs in the published functions.metadata"));

        var triggers = published.Values.SelectMany(f => f!["bindings"]!.AsArray()).Select(b => (string?)b!["type"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "httpTrigger", "queueTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger" }, triggers);
        Assert.All(published.Values, f => Assert.Equal("Helpdesk.Functions.dll", Path.GetFileName((string?)f!["scriptFile"])));
    }

    [Fact]
    public void WorkerConfig_StartsTheIsolatedWorkerFromThePackage()
    {
        var description = JsonNode.Parse(File.ReadAllText(package.PathOf("worker.config.json")))!["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        var worker = (string?)description["defaultWorkerPath"];
        Assert.False(string.IsNullOrEmpty(worker));
        Assert.True(File.Exists(package.PathOf(worker!)), $"worker.config.json names {worker}, which is not in the package");
        Assert.True(File.Exists(package.PathOf("Helpdesk.Functions.runtimeconfig.json")));
    }

    [Fact]
    public void ExtensionsJson_RegistersDurableAndStorageQueues_FromFilesInThePackage()
    {
        var extensions = JsonNode.Parse(File.ReadAllText(package.PathOf("extensions.json")))!["extensions"]!.AsArray();
        var names = extensions.Select(e => (string?)e!["name"]).ToList();

        Assert.Contains("DurableTask", names);
        Assert.Contains("AzureStorageQueues", names);
        Assert.All(extensions, e =>
        {
            var hint = (string)e!["hintPath"]!;
            Assert.True(File.Exists(package.PathOf(hint)), $"extensions.json points at {hint}, which is not in the package");
        });
    }

    [Fact]
    public void HostJson_IsTheRepositoryHostJson()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")),
            File.ReadAllText(package.PathOf("host.json")));
    }

    [Fact]
    public void Package_HoldsNoDevelopmentSettingsOrSecrets()
    {
        var files = Directory.GetFiles(package.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.Folder, f))
            .ToList();

        Assert.DoesNotContain(files, f => Path.GetFileName(f).Equals("local.settings.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
            && Path.GetFileName(f).Contains("Development", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.Split(Path.DirectorySeparatorChar).Contains(".local"));

        // Configuration-like files must not carry a storage key, an ACS access key, Azurite or the canary's secret.
        string[] secrets = ["AccountKey=", "accesskey=", "SharedAccessSignature=", "UseDevelopmentStorage", PublishedPackage.CanarySecret];
        foreach (var file in files.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            var text = File.ReadAllText(package.PathOf(file));
            Assert.All(secrets, secret => Assert.False(
                text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{file} contains {secret}"));
        }
    }

    private static Dictionary<string, JsonNode?> Metadata(string path)
    {
        Assert.True(File.Exists(path), $"{path} not found");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .ToDictionary(f => (string)f!["name"]!, f => f, StringComparer.Ordinal);
    }

    /// <summary>
    /// Publishes once for the class. A developer's local.settings.json is what could leak into a package: if the project
    /// has none, a canary with a fake secret is written for the duration of the publish (and removed after), so the
    /// exclusion is really exercised.
    /// </summary>
    public sealed class PublishedPackage : IAsyncLifetime
    {
        public const string CanarySecret = "canary-secret-must-not-be-published";

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "helpdesk-publish-" + Guid.NewGuid().ToString("N"));

        /// <summary>A file of the package; <c>./x</c> as extensions.json writes hint paths.</summary>
        public string PathOf(string relative) =>
            Path.Combine(Folder, relative.StartsWith("./", StringComparison.Ordinal) ? relative[2..] : relative);

        public async Task InitializeAsync()
        {
            var project = Path.Combine(RepoPaths.Root, "functions", "Helpdesk.Functions");
            var localSettings = Path.Combine(project, "local.settings.json");
            var canary = !File.Exists(localSettings);
            if (canary)
            {
                await File.WriteAllTextAsync(localSettings, $$"""{ "IsEncrypted": false, "Values": { "Helpdesk__Smtp__Password": "{{CanarySecret}}" } }""");
            }

            try
            {
                await PublishAsync(project);
            }
            finally
            {
                if (canary)
                {
                    File.Delete(localSettings);
                }
            }
        }

        private async Task PublishAsync(string project)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var argument in new[] { "publish", Path.Combine(project, "Helpdesk.Functions.csproj"), "-c", RepoPaths.Configuration, "--no-restore", "--no-build", "-o", Folder, "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        public Task DisposeAsync()
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }

            return Task.CompletedTask;
        }
    }
}
