using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core;

/// <summary>One JSON shape everywhere (API, queue messages, stored documents): camelCase, enums in kebab case except
/// priorities and levels ("P1", "L2"). Enums are strict: exactly one defined value as a string (any case), never a
/// number, a numeric string or a comma list ("P1,P2" is not P3).</summary>
public static class HelpdeskJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // French text stays readable ("Écran", not "\u00C9cran"); HTML-sensitive characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        AddConverters(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        AddConverters(options);
    }

    /// <summary>The values an enum accepts, as the error messages list them: "P1, P2, P3, P4", "public, internal".</summary>
    public static string AllowedValues<T>() where T : struct, Enum => string.Join(", ", StrictEnumConverter<T>.Names);

    private static void AddConverters(JsonSerializerOptions options) => options.Converters.Add(new StrictEnumConverterFactory());

    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter?)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert));
    }

    /// <summary>
    /// Reads one value through <see cref="WireName.TryParse{T}"/> (defined names only, any case); writes
    /// <see cref="WireName.Of{T}"/> ("business-software", "P1").
    /// </summary>
    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public static IReadOnlyList<string> Names => WireName.All<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && WireName.TryParse<T>(reader.GetString(), out var value))
            {
                return value;
            }

            throw new JsonException($"The value must be one of {AllowedValues<T>()}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            WireName.TryParse<T>(reader.GetString(), out var value) ? value : throw new JsonException($"The key must be one of {AllowedValues<T>()}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Name(value));

        private static string Name(T value) => WireName.Of(value);
    }
}
