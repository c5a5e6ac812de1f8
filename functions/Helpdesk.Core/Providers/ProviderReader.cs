using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Providers;

/// <summary>
/// Reads and checks a provider sent to <c>POST/PUT /api/providers</c> (and the settings seed): every limit explicit,
/// every error in product words, named by field. Unknown fields are refused (a typo must not silently drop data) and a
/// field that looks like a credential is refused like in the inventory: the directory holds how to reach a provider,
/// never a password for their portal.
/// </summary>
public static partial class ProviderReader
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 100;
    public const int MaxShortTextLength = 100;
    public const int MaxPhoneLength = 40;
    public const int MaxUrlLength = 300;
    public const int MaxNotesLength = 2000;
    public const int MaxCategories = 20;
    public const int MaxAssetTags = 200;
    public const int MaxAssetTypes = 20;

    public static IReadOnlyList<string> Kinds => ProviderDirectoryOptionsValidator.Kinds;

    private static readonly string[] s_fields =
        ["id", "name", "kind", "contractNumber", "supportPhone", "supportEmail", "supportUrl", "hours", "responseTime", "categories", "assetTags", "assetTypes", "notes"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{3,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    public static bool IsId(string? text) => text is not null && IdPattern().IsMatch(text);

    public static bool IsPhone(string? text) => text is not null && PhonePattern().IsMatch(text.Trim());

    /// <summary>
    /// The provider in <paramref name="body"/>; <paramref name="routeId"/> is the id of the URL on update (the body may
    /// repeat it, not change it). Field errors otherwise.
    /// </summary>
    public static (Provider? Provider, Dictionary<string, string[]> Errors) Read(JsonElement body, string? routeId, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Send the provider as a JSON object."];
            return (null, errors);
        }

        foreach (var property in body.EnumerateObject().Where(p => !s_fields.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors[property.Name] = [AssetFields.LooksLikeCredential(property.Name)
                ? "The provider directory never stores passwords or other credentials: keep them in Key Vault."
                : $"Unknown field. Fields: {string.Join(", ", s_fields)}."];
        }

        string? Text(string field, int max)
        {
            if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors[field] = ["Must be text."];
                return null;
            }

            var text = value.GetString()!.Trim();
            if (text.Length > max)
            {
                errors[field] = [$"At most {max} characters."];
                return null;
            }

            // Notes may hold lines; nothing else holds control characters.
            if (text.Any(c => char.IsControl(c) && !(field == "notes" && c is '\n' or '\r' or '\t')))
            {
                errors[field] = ["Control characters are not allowed."];
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        List<string> List(string field, int max, Func<string, string?> normalize, string invalid)
        {
            var result = new List<string>();
            if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return result;
            }

            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                errors[field] = ["Must be a list of text values."];
                return result;
            }

            if (value.GetArrayLength() > max)
            {
                errors[field] = [$"At most {max} values."];
                return result;
            }

            var bad = new List<string>();
            foreach (var item in value.EnumerateArray().Select(v => v.GetString()!))
            {
                if (normalize(item) is { } normalized)
                {
                    if (!result.Contains(normalized, StringComparer.Ordinal))
                    {
                        result.Add(normalized);
                    }
                }
                else
                {
                    bad.Add($"'{Shorten(item)}' {invalid}");
                }
            }

            if (bad.Count > 0)
            {
                errors[field] = [.. bad];
            }

            return result;
        }

        var id = Text("id", MaxIdLength * 2);
        if (routeId is not null)
        {
            if (id is not null && id != routeId)
            {
                errors["id"] = [$"The id cannot change ('{routeId}' in the URL). Create the new provider and delete this one."];
            }

            id = routeId;
        }
        else if (id is null)
        {
            errors["id"] = [$"The id is required: 1 to {MaxIdLength} lower-case letters, digits or '-' (e.g. 'proximus')."];
        }
        else if (!IsId(id))
        {
            errors["id"] = [$"'{Shorten(id)}' is not an id: 1 to {MaxIdLength} lower-case letters, digits or '-', starting with a letter or digit."];
        }

        var name = Text("name", MaxNameLength);
        if (name is null && !errors.ContainsKey("name"))
        {
            errors["name"] = ["The name is required."];
        }

        var kind = Text("kind", MaxShortTextLength);
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = [$"The kind is required: one of {string.Join(", ", Kinds)}."];
        }
        else if (kind is not null && !Kinds.Contains(kind.ToLowerInvariant()))
        {
            errors["kind"] = [$"'{Shorten(kind)}' is not one of {string.Join(", ", Kinds)}."];
        }

        var phone = Text("supportPhone", MaxPhoneLength);
        if (phone is not null && !IsPhone(phone))
        {
            errors["supportPhone"] = ["Write a phone number with digits, spaces and + ( ) . / - only (e.g. +32 800 22 800)."];
        }

        var email = Text("supportEmail", MaxShortTextLength * 2);
        if (email is not null && !SubmissionValidator.IsEmail(email))
        {
            errors["supportEmail"] = [$"'{Shorten(email)}' is not an email address."];
        }

        var url = Text("supportUrl", MaxUrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http"))
        {
            errors["supportUrl"] = ["Write the full address of the support site, starting with https://."];
        }

        var categories = List("categories", MaxCategories,
            c => WireName.TryParse<Category>(c, out var parsedCategory) ? WireName.Of(parsedCategory) : null,
            $"is not a category: one of {string.Join(", ", WireName.All<Category>())}.");
        var tags = List("assetTags", MaxAssetTags, AssetReader.NormalizeTag, "is not an asset tag.");
        var types = List("assetTypes", MaxAssetTypes,
            t => WireName.TryParse<AssetType>(t, out var parsedType) ? WireName.Of(parsedType) : null,
            $"is not an asset type: one of {string.Join(", ", WireName.All<AssetType>())}.");
        var provider = new Provider
        {
            Id = id ?? "",
            Name = name ?? "",
            Kind = kind?.ToLowerInvariant() ?? "",
            ContractNumber = Text("contractNumber", MaxShortTextLength),
            SupportPhone = phone,
            SupportEmail = email,
            SupportUrl = url,
            Hours = Text("hours", MaxShortTextLength),
            ResponseTime = Text("responseTime", MaxShortTextLength),
            Categories = categories,
            AssetTags = tags,
            AssetTypes = types,
            Notes = Text("notes", MaxNotesLength),
            UpdatedAt = now,
        };

        if (phone is null && email is null && url is null
            && !errors.ContainsKey("supportPhone") && !errors.ContainsKey("supportEmail") && !errors.ContainsKey("supportUrl"))
        {
            errors["supportPhone"] = ["Give at least a support phone, a support email or a support site: whom to call needs a way to call."];
        }

        return errors.Count > 0 ? (null, errors) : (provider, errors);
    }

    /// <summary>A provider of the settings seed (<c>Helpdesk:Providers:Directory</c>), already checked by <see cref="ProviderDirectoryOptionsValidator"/>.</summary>
    public static Provider FromOptions(ProviderOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Provider
        {
            Id = options.Id,
            Name = options.Name.Trim(),
            Kind = options.Kind,
            ContractNumber = options.ContractNumber,
            SupportPhone = options.SupportPhone,
            SupportEmail = options.SupportEmail,
            SupportUrl = options.SupportUrl,
            Hours = options.Hours,
            ResponseTime = options.ResponseTime,
            Categories = [.. options.Categories.Select(c => WireName.Of(WireName.Parse<Category>(c))).Distinct()],
            AssetTags = [.. options.Assets.Select(t => AssetReader.NormalizeTag(t)!).Distinct()],
            AssetTypes = [.. options.AssetTypes.Select(t => WireName.Of(WireName.Parse<AssetType>(t))).Distinct()],
            Notes = options.Notes,
            UpdatedAt = now,
        };
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
