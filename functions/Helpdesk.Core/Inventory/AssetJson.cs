using System.Globalization;
using System.Text.Json;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// Reads a JSON body of the inventory routes: at most <see cref="MaxBodyBytes"/>, one object, and for an asset only the
/// known fields (<see cref="AssetFields"/>) as text or numbers. A field that looks like a credential is refused with
/// <see cref="AssetFields.CredentialError"/>, an unknown one is named.
/// </summary>
public static class AssetJson
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadObjectAsync(HttpRequest request, bool allowEmpty, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return allowEmpty
                ? (JsonDocument.Parse("{}"), null)
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body required", detail: "Send the asset as a JSON object."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send application/json."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(
                new BoundedStream(request.Body, MaxBodyBytes, () => new InvalidDataException("Body too large.")), default, ct);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})") : "";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: $"The body is not valid JSON{where}."));
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            return (null, failure.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : failure.ToResult());
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: "The body must be a JSON object."));
        }

        return (document, null);
    }

    /// <summary>The asset's fields as text and its secret references, or the field errors (credentials, unknown fields, wrong kinds).</summary>
    public static (Dictionary<string, string?> Fields, List<SecretReference> Secrets, List<FieldError> Errors) Fields(JsonElement body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var secrets = new List<SecretReference>();
        var errors = new List<FieldError>();
        foreach (var property in body.EnumerateObject())
        {
            var name = AssetFields.Columns.FirstOrDefault(c => c.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (property.Name.Equals(AssetFields.Secrets, StringComparison.OrdinalIgnoreCase))
            {
                ReadSecrets(property.Value, secrets, errors);
            }
            else if (AssetFields.LooksLikeCredential(property.Name))
            {
                errors.Add(new FieldError(property.Name, AssetFields.CredentialError));
            }
            else if (name is null)
            {
                errors.Add(new FieldError(property.Name, $"Unknown field. Fields: {string.Join(", ", AssetFields.Columns)}, {AssetFields.Secrets}."));
            }
            else
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[name] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        fields[name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        fields[name] = null;
                        break;
                    default:
                        errors.Add(new FieldError(name, "Must be text (or a number)."));
                        break;
                }
            }
        }

        return (fields, secrets, errors);
    }

    private static void ReadSecrets(JsonElement value, List<SecretReference> secrets, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(AssetFields.Secrets, "Must be a list of {\"label\", \"secretName\"} objects."));
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string? label = null, secretName = null;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError($"{AssetFields.Secrets}[{i}]", "Must be a {\"label\", \"secretName\"} object."));
            }
            else
            {
                foreach (var p in item.EnumerateObject())
                {
                    if (p.Name.Equals("label", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        label = p.Value.GetString();
                    }
                    else if (p.Name.Equals("secretName", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        secretName = p.Value.GetString();
                    }
                    else if (AssetFields.LooksLikeCredential(p.Name) || p.Name.Equals("value", StringComparison.OrdinalIgnoreCase))
                    {
                        errors.Add(new FieldError($"{AssetFields.Secrets}[{i}].{p.Name}", AssetFields.CredentialError));
                    }
                    else
                    {
                        errors.Add(new FieldError($"{AssetFields.Secrets}[{i}].{p.Name}", "Unknown field: a secret reference has 'label' and 'secretName' (text)."));
                    }
                }
            }

            secrets.Add(new SecretReference(label ?? "", secretName ?? ""));
            i++;
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"A body is at most {MaxBodyBytes} bytes.");
}
