using System.Net;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>
/// The built hosts as processes: the standalone host runs in Development against Azurite with nothing else set
/// (what <c>dotnet run --project functions/Helpdesk.Standalone</c> does), and a wrong setting stops either host with
/// exit code 78 and one line naming it.
/// </summary>
public class StartupTests
{
    [Fact]
    public async Task Standalone_InDevelopment_WithOnlyTheStorageConnection_AnswersTheForm_AndWritesItsKey()
    {
        // A private Azurite: the development host uses unprefixed names and the default task hub.
        await using var azurite = await Azurite.StartPrivateAsync();
        var contentRoot = Directory.CreateTempSubdirectory("helpdesk-dev-").FullName;
        try
        {
            // The content root holds the host's appsettings, as the project folder does for `dotnet run`; outside the
            // repository, so that .local/ (the generated key) lands there and not in the developer's checkout.
            foreach (var file in new[] { "appsettings.json", "appsettings.Development.json" })
            {
                File.Copy(RepoPaths.BuildOutput("Helpdesk.Standalone", file), Path.Combine(contentRoot, file));
            }

            var port = FreePorts.Reserve(1)[0];
            await using var host = ChildHost.Start("Helpdesk.Standalone", ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_CONTENTROOT"] = contentRoot,
                // appsettings.Development.json says UseDevelopmentStorage=true (Azurite's default ports): this test's
                // Azurite listens elsewhere, so this one setting is overridden. Nothing else is set.
                ["Helpdesk__Storage__ConnectionString"] = azurite.ConnectionString,
            }, contentRoot);
            await FreePorts.WaitUntilListeningAsync([port], TimeSpan.FromSeconds(90),
                () => host.HasExited ? $"the host exited:\n{host.Stdout}\n{host.Stderr}" : null);

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var form = await client.GetAsync(new Uri("/api/form", UriKind.Relative));
            var keyFile = Path.Combine(contentRoot, ".local", "api-key");
            var key = (await File.ReadAllTextAsync(keyFile)).Trim();
            using var queue = new HttpRequestMessage(HttpMethod.Get, "/api/queues/L1") { Headers = { { "x-functions-key", key } } };
            using var technician = await client.SendAsync(queue);

            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Equal("text/html", form.Content.Headers.ContentType!.MediaType);
            Assert.True(key.Length >= 24, "the generated key is long enough for the ApiKey rule");
            Assert.Equal(HttpStatusCode.OK, technician.StatusCode);
            Assert.Contains(keyFile, host.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("Helpdesk.Standalone")]
    [InlineData("Helpdesk.Functions")]
    public async Task WrongSetting_ExitsWith78_AndOneLineNamingTheSetting_WithoutStackTrace(string project)
    {
        var workingDirectory = Path.GetDirectoryName(RepoPaths.BuildOutput(project, project + ".dll"))!;
        var port = FreePorts.Reserve(1)[0];
        await using var host = ChildHost.Start(project, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Helpdesk__Storage__ConnectionString"] = "UseDevelopmentStorage=true",
            ["Helpdesk__ApiKey"] = new string('k', 32),
            ["Helpdesk__Signing__Key"] = HelpdeskHost.SigningKey,
            ["Helpdesk__PublicBaseUrl"] = "ftp://x",
        }, workingDirectory);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var lines = host.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(78, exitCode);
        Assert.Equal(["Helpdesk cannot start: Helpdesk:PublicBaseUrl must be an absolute http(s) URL."], lines);
        Assert.DoesNotContain("   at ", host.Stdout + host.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", host.Stdout + host.Stderr, StringComparison.Ordinal);
    }
}
