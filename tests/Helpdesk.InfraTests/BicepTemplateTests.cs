using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Helpdesk.InfraTests;

public sealed class BicepTemplateTests(ITestOutputHelper output)
{
    private static string MainBicep => Path.Combine(BicepCli.InfraDirectory, "main.bicep");

    [Fact]
    public async Task MainTemplate_BuildsWithoutErrors()
    {
        var result = await BicepCli.RunAsync("build", MainBicep, "--stdout");

        Report(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Errors);
        JsonNode.Parse(result.StandardOutput);
    }

    [Fact]
    public async Task MainTemplate_LintHasNoErrorLevelDiagnostics()
    {
        var result = await BicepCli.RunAsync("lint", MainBicep);

        Report(result);
        Assert.Empty(result.Errors);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(TenantParameterFiles))]
    public async Task TenantParameterFile_Builds(string parameterFile)
    {
        var result = await BicepCli.RunAsync("build-params", Path.Combine(BicepCli.InfraDirectory, "tenants", parameterFile), "--stdout");

        Report(result);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task FunctionAppSettings_ContainEveryRequiredName()
    {
        var settings = FunctionAppSettingNames(await CompiledTemplate.BuildMainAsync());
        var required = File.ReadAllLines(Path.Combine(BicepCli.InfraDirectory, "app-settings.required.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

        Assert.NotEmpty(required);
        var missing = required.Where(name => !settings.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"Missing from the function app settings: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task FunctionAppSettings_EveryHelpdeskSettingBindsToAnOptionsProperty()
    {
        var names = FunctionAppSettingNames(await CompiledTemplate.BuildMainAsync())
            .Concat(File.ReadAllLines(Path.Combine(BicepCli.InfraDirectory, "app-settings.required.txt")).Select(line => line.Trim()))
            .Where(name => name.StartsWith("Helpdesk__", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(names);
        var unbound = names.Where(name => !OptionsBindingPaths.IsBindable(name)).ToList();
        Assert.True(
            unbound.Count == 0,
            $"Set by infra/main.bicep or listed in app-settings.required.txt, but no options property of Helpdesk.Core binds them (typo, or a setting the app does not read): {string.Join(", ", unbound)}");
    }

    [Fact]
    public void OptionsBindingPaths_CoverTheOptionsClasses_AndRejectTypos()
    {
        Type[] expected =
        [
            typeof(Helpdesk.Core.HelpdeskOptions), typeof(Helpdesk.Core.Storage.StorageOptions), typeof(Helpdesk.Core.Notifications.SmtpOptions),
            typeof(Helpdesk.Core.Notifications.EmailOptions), typeof(Helpdesk.Core.Sla.SlaPolicyOptions),
            typeof(Helpdesk.Core.Sla.BusinessCalendarOptions), typeof(Helpdesk.Core.Sla.SlaNotificationOptions),
        ];
        Assert.Empty(expected.Except(OptionsBindingPaths.OptionsTypes.Select(o => o.Type)));

        string[] bindable =
        [
            "Helpdesk__SupportName", "Helpdesk__Storage__TableServiceUri", "Helpdesk__Email__Acs__ConnectionString",
            "Helpdesk__Sla__Notifications__Groups__L3", "helpdesk__sla__notifications__managers", "Helpdesk__Sla__P1__TwentyFourSeven",
            "Helpdesk__Sla__Providers__internet-provider__Response", "Helpdesk__Sla__Calendar__ExtraClosedDays__0",
            "Helpdesk__Priority__Matrix__team__partly",
        ];
        Assert.All(bindable, name => Assert.True(OptionsBindingPaths.IsBindable(name), name));

        string[] notBindable =
        [
            "Helpdesk__ApiKey", "Helpdesk__TenantName", "Helpdesk__Sla__Notifications__Groups__L4", "Helpdesk__Sla__Notification__Managers",
            "Helpdesk__Storage", "Helpdesk__Email__Acs", "Helpdesk__Email__UsesAcs", "Helpdesk__Smtp__Host__Name",
        ];
        Assert.All(notBindable, name => Assert.False(OptionsBindingPaths.IsBindable(name), name));
    }

    [Fact]
    public async Task FunctionAppSettings_DoNotSetWhatFlexConsumptionForbids()
    {
        var settings = FunctionAppSettingNames(await CompiledTemplate.BuildMainAsync());

        string[] forbidden = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage"];
        Assert.DoesNotContain(settings, name => forbidden.Contains(name) || name.StartsWith("WEBSITE_CONTENT", StringComparison.Ordinal));
    }

    public static TheoryData<string> TenantParameterFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(BicepCli.InfraDirectory, "tenants"), "*.bicepparam"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>
    /// The app settings object handed to the module that declares Microsoft.Web/sites.
    /// Its keys are literal in the compiled JSON (values may be expressions).
    /// </summary>
    private static HashSet<string> FunctionAppSettingNames(JsonNode template)
    {
        foreach (var deployment in Resources(template).Where(r => (string?)r["type"] == "Microsoft.Resources/deployments"))
        {
            var nested = deployment["properties"]?["template"];
            if (nested is null || !Resources(nested).Any(r => (string?)r["type"] == "Microsoft.Web/sites"))
            {
                continue;
            }

            var value = deployment["properties"]?["parameters"]?["appSettings"]?["value"];
            if (value is not JsonObject settings)
            {
                throw new InvalidOperationException(
                    $"The function app module's appSettings is not a literal object: {value?.ToJsonString() ?? "missing"}. Keep every setting name literal in main.bicep.");
            }

            return settings.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        }

        throw new InvalidOperationException("No module deploying Microsoft.Web/sites in the compiled template.");
    }

    // languageVersion 2.0 templates hold resources in an object keyed by symbolic name; 1.0 in an array.
    private static IEnumerable<JsonNode> Resources(JsonNode template) => template["resources"] switch
    {
        JsonObject byName => byName.Select(p => p.Value).OfType<JsonNode>(),
        JsonArray list => list.OfType<JsonNode>(),
        _ => [],
    };

    private void Report(BicepResult result)
    {
        foreach (var line in result.Warnings)
        {
            output.WriteLine(line);
        }
    }
}
