using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.InfraTests;

/// <summary>Reading the ARM JSON that <c>bicep build infra/main.bicep</c> produces.</summary>
public static class CompiledTemplate
{
    // ARM expressions quote with apostrophes, which the default encoder would write as \u0027.
    private static readonly JsonSerializerOptions s_raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One build for all the tests that only read the template (each build takes seconds on a loaded machine).
    private static readonly Lazy<Task<string>> s_main = new(async () =>
    {
        var result = await BicepCli.RunAsync("build", Path.Combine(BicepCli.InfraDirectory, "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput;
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> s_tenants = new();

    /// <summary>A fresh copy of the compiled infra/main.bicep (built once per test run).</summary>
    public static async Task<JsonNode> BuildMainAsync() => JsonNode.Parse(await s_main.Value)!;

    /// <summary>The ARM JSON text of infra/main.bicep, as built once per test run.</summary>
    public static Task<string> MainJsonAsync() => s_main.Value;

    /// <summary>The output of <c>bicep build-params</c> for a file of infra/tenants (built once per test run).</summary>
    public static Task<string> TenantJsonAsync(string file) =>
        s_tenants.GetOrAdd(file, f => new Lazy<Task<string>>(async () =>
        {
            var result = await BicepCli.RunAsync("build-params", Path.Combine(BicepCli.InfraDirectory, "tenants", f), "--stdout");
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.StandardOutput;
        })).Value;

    /// <summary>A node as ARM text: string values as they are, other nodes as JSON with apostrophes kept.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString(s_raw) ?? "";

    /// <summary>The parameters handed to the module that declares Microsoft.Web/sites (the function app).</summary>
    public static JsonObject FunctionAppModuleParameters(JsonNode template)
    {
        foreach (var deployment in Resources(template).Where(r => (string?)r["type"] == "Microsoft.Resources/deployments"))
        {
            var nested = deployment["properties"]?["template"];
            if (nested is not null && Resources(nested).Any(r => (string?)r["type"] == "Microsoft.Web/sites"))
            {
                return deployment["properties"]!["parameters"]!.AsObject();
            }
        }

        throw new InvalidOperationException("No module deploying Microsoft.Web/sites in the compiled template.");
    }

    /// <summary>An ARM expression with <c>variables('name')</c> replaced by the variable's own expression, recursively.</summary>
    public static string Inline(JsonNode template, string expression, int depth = 0)
    {
        if (depth > 8)
        {
            return expression;
        }

        var variables = template["variables"]?.AsObject();
        return System.Text.RegularExpressions.Regex.Replace(expression, @"variables\('(\w+)'\)", m =>
            variables?[m.Groups[1].Value] is { } value ? Inline(template, Text(value), depth + 1) : m.Value);
    }

    // languageVersion 2.0 templates hold resources in an object keyed by symbolic name; 1.0 in an array.
    public static IEnumerable<JsonNode> Resources(JsonNode template) => template["resources"] switch
    {
        JsonObject byName => byName.Select(p => p.Value).OfType<JsonNode>(),
        JsonArray list => list.OfType<JsonNode>(),
        _ => [],
    };
}
