using System.Text.Json;
using Helpdesk.Core.Durable;

namespace Helpdesk.Standalone.Durable;

/// <summary>
/// DTFx <see cref="DurableTask.Core.Serializing.DataConverter"/> over System.Text.Json with
/// <see cref="DurableJson.Options"/>, so that what <c>TaskHubClient</c> writes (orchestration inputs, event payloads)
/// is exactly what the durabletask-dotnet shims read with <c>Microsoft.DurableTask.Converters.JsonDataConverter</c>
/// built over the same options. The DTFx default is Newtonsoft.Json with its own conventions.
/// </summary>
public sealed class SystemTextJsonDataConverter : DurableTask.Core.Serializing.DataConverter
{
    /// <summary>Shared instance.</summary>
    public static SystemTextJsonDataConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override string Serialize(object value) => Serialize(value, formatted: false);

    /// <inheritdoc/>
    public override string Serialize(object value, bool formatted) =>
        value is null ? null! : JsonSerializer.Serialize(value, value.GetType(), DurableJson.Options);

    /// <inheritdoc/>
    public override object Deserialize(string data, Type objectType) =>
        data is null ? null! : JsonSerializer.Deserialize(data, objectType, DurableJson.Options)!;
}
