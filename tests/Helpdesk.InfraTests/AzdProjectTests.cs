using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Helpdesk.InfraTests;

/// <summary>
/// azure.yaml (azd) names files that exist, and what azd would deploy builds: its preprovision hook turns each example
/// tenant into infra/azd/main.bicepparam, which builds against infra/main.bicep in resource-group mode.
/// </summary>
public sealed class AzdProjectTests
{
    private static string AzureYaml => File.ReadAllText(Path.Combine(BicepCli.RepoRoot, "azure.yaml"));

    /// <summary>Where azd reads its parameters: &lt;infra.path&gt;/&lt;infra.module&gt;.bicepparam.</summary>
    private static string Generated => Path.Combine(BicepCli.RepoRoot, Value("path"), Value("module") + ".bicepparam");

    /// <summary>A scalar of azure.yaml by its key (the file is small and flat on purpose; no YAML parser needed).</summary>
    private static string Value(string key)
    {
        var match = Regex.Match(AzureYaml, $@"^\s*{Regex.Escape(key)}:\s*(\S+)\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"azure.yaml has no '{key}:'");
        return match.Groups[1].Value;
    }

    [Fact]
    public void AzureYaml_ServiceIsTheFunctionsProject_AsAnAzdFunctionService()
    {
        var project = Path.Combine(BicepCli.RepoRoot, Value("project"));

        Assert.True(File.Exists(Path.Combine(project, "Helpdesk.Functions.csproj")), $"azure.yaml project {project} has no Helpdesk.Functions.csproj");
        Assert.Equal("dotnet", Value("language"));
        Assert.Equal("function", Value("host"));
        Assert.Matches(@"(?m)^  helpdesk:\s*$", AzureYaml);

        // azd deploy finds the app by the azd-service-name tag; main.bicep must set it to the service name.
        Assert.Contains("'azd-service-name': 'helpdesk'", File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYaml_InfraIsResourceGroupScoped_AndTheHookExists()
    {
        Assert.Equal("bicep", Value("provider"));
        Assert.True(Directory.Exists(Path.Combine(BicepCli.RepoRoot, Value("path"))));
        Assert.Equal("main", Value("module"));
        Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot, Value("run"))), $"hook {Value("run")} not found");

        // The documented choice (docs/deploy.md): azd resource-group mode, the same template as az deployment group create.
        Assert.Matches(@"(?m)^targetScope = 'resourceGroup'$", File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.bicep")));
    }

    [Theory]
    [MemberData(nameof(BicepTemplateTests.TenantParameterFiles), MemberType = typeof(BicepTemplateTests))]
    public async Task PreprovisionHook_WritesACopyOfTheTenantFile(string parameterFile)
    {
        var tenant = Path.GetFileNameWithoutExtension(parameterFile);

        var (exitCode, output) = await RunHookAsync(tenant);

        Assert.True(exitCode == 0, output);
        Assert.EndsWith(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "tenants", parameterFile)), File.ReadAllText(Generated), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreprovisionHook_GeneratedParameters_BuildAgainstMainBicep()
    {
        // One tenant is enough: the copy differs from its source only by a comment line (checked above for each).
        const string tenant = "fabrikam";
        var (exitCode, output) = await RunHookAsync(tenant);
        Assert.True(exitCode == 0, output);

        var result = await BicepCli.RunAsync("build-params", Generated, "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Contains($"\\\"value\\\": \\\"{tenant}\\\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreprovisionHook_UnknownTenant_FailsNamingTheTenantFiles()
    {
        var (exitCode, output) = await RunHookAsync("no-such-tenant");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("infra/tenants/no-such-tenant.bicepparam does not exist", output, StringComparison.Ordinal);
        Assert.Contains("contoso", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunHookAsync(string tenant)
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BicepCli.RepoRoot,
        };
        start.ArgumentList.Add(Value("run"));
        start.Environment["AZURE_ENV_NAME"] = tenant;
        start.Environment.Remove("HELPDESK_TENANT");
        // Set, so the hook does not call azd env set (azd may be installed on a developer's machine).
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";

        // The tests of this class share the generated file; xunit runs one class's tests one at a time.
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
