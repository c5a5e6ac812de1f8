using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Core.Durable;

/// <summary>
/// The one JSON configuration for every durable payload (orchestration inputs and outputs, activity inputs and
/// outputs, external events, custom status) in both hosts: System.Text.Json web defaults (camelCase,
/// case-insensitive reads, numbers as strings allowed) plus enums as strings.
/// </summary>
public static class DurableJson
{
    /// <summary>Read-only shared options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
