using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// Turns an asset's fields as text (a JSON body or a CSV line, same names) into an <see cref="Asset"/>, or says what is
/// wrong field by field. One reader for both, so the API and the import accept exactly the same values. Limits:
/// tag 1–40 characters (letters, digits, <c>. _ -</c>), short texts 200, notes and configuration 4,000, 20 secret
/// references; dates <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c> (how Excel in Belgium writes them).
/// </summary>
public static partial class AssetReader
{
    public const int MaxTagLength = 40;
    public const int MaxTextLength = 200;
    public const int MaxLongTextLength = 4000;
    public const int MaxSecrets = 20;
    public const int MaxBackupEveryDays = 366;

    /// <summary>Words that are routes under <c>assets/</c>, so no asset may be called that.</summary>
    public static readonly IReadOnlyList<string> ReservedTags = ["IMPORT", "EXPORT"];

    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "dd-MM-yyyy"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretNamePattern();

    /// <summary>The tag as stored (upper case), or null when it is not a valid tag.</summary>
    public static string? NormalizeTag(string? text)
    {
        var tag = text?.Trim();
        if (tag is null || !TagPattern().IsMatch(tag))
        {
            return null;
        }

        tag = tag.ToUpperInvariant();
        return ReservedTags.Contains(tag) ? null : tag;
    }

    public static string TagError(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? "The tag is required."
            : $"'{Shorten(text)}' is not a tag: 1 to {MaxTagLength} letters, digits, '.', '_' or '-', starting with a letter or digit (and not 'import' or 'export').";

    /// <summary>
    /// Reads the fields; <paramref name="now"/> bounds the heartbeat dates (at most one day ahead, for clocks that drift).
    /// Missing or blank optional fields are null; unknown field names are the caller's business (JSON refuses them, CSV reports them once).
    /// </summary>
    public static (Asset? Asset, IReadOnlyList<FieldError> Errors) Read(
        IReadOnlyDictionary<string, string?> fields, IReadOnlyList<SecretReference> secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(secrets);
        var errors = new List<FieldError>();
        string? Text(string field, int max = MaxTextLength)
        {
            var value = fields.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (value.Length > max)
            {
                errors.Add(new FieldError(field, $"At most {max} characters (got {value.Length})."));
                return null;
            }

            var multiline = max == MaxLongTextLength;
            if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                errors.Add(new FieldError(field, multiline ? "Control characters are not allowed (line breaks and tabs are)." : "Control characters and line breaks are not allowed."));
                return null;
            }

            return value;
        }

        T? Enum<T>(string field, bool required) where T : struct, System.Enum
        {
            var value = Text(field);
            if (value is null)
            {
                if (required)
                {
                    errors.Add(new FieldError(field, $"Required: one of {string.Join(", ", WireName.All<T>())}."));
                }

                return null;
            }

            if (WireName.TryParse<T>(value, out var parsed))
            {
                return parsed;
            }

            errors.Add(new FieldError(field, $"'{Shorten(value)}' is not one of {string.Join(", ", WireName.All<T>())}."));
            return null;
        }

        DateOnly? Date(string field)
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.Year is >= 1980 and <= 2100)
            {
                return date;
            }

            errors.Add(new FieldError(field, $"'{Shorten(value)}' is not a date: write 2027-03-31 (or 31/03/2027), between 1980 and 2100."));
            return null;
        }

        DateTimeOffset? Moment(string field)
        {
            var value = Text(field);
            if (value is null)
            {
                return null;
            }

            DateTimeOffset moment;
            if (DateOnly.TryParseExact(value, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                moment = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment)
                || !value.Contains('-', StringComparison.Ordinal))
            {
                errors.Add(new FieldError(field, $"'{Shorten(value)}' is not a date and time: write 2027-03-31T22:05:00Z (ISO 8601) or 2027-03-31."));
                return null;
            }

            if (moment.Year < 1980 || moment > now.AddDays(1))
            {
                errors.Add(new FieldError(field, $"{moment:yyyy-MM-dd HH:mm}Z is in the future or before 1980."));
                return null;
            }

            return moment.ToUniversalTime();
        }

        var tagText = fields.GetValueOrDefault(AssetFields.Tag);
        var tag = NormalizeTag(tagText);
        if (tag is null)
        {
            errors.Add(new FieldError(AssetFields.Tag, TagError(tagText)));
        }

        var type = Enum<AssetType>(AssetFields.Type, required: true);
        var name = Text(AssetFields.Name);
        if (name is null && !errors.Any(e => e.Field == AssetFields.Name))
        {
            errors.Add(new FieldError(AssetFields.Name, "The name is required."));
        }

        int? backupEvery = null;
        if (Text(AssetFields.BackupEvery) is { } every)
        {
            if (int.TryParse(every, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxBackupEveryDays)
            {
                backupEvery = days;
            }
            else
            {
                errors.Add(new FieldError(AssetFields.BackupEvery, $"'{Shorten(every)}' is not a number of days between 1 and {MaxBackupEveryDays}."));
            }
        }

        if (secrets.Count > MaxSecrets)
        {
            errors.Add(new FieldError(AssetFields.Secrets, $"At most {MaxSecrets} secret references."));
        }

        foreach (var (secret, i) in secrets.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(secret.Label) || secret.Label.Length > MaxTextLength || secret.Label.Any(char.IsControl))
            {
                errors.Add(new FieldError($"{AssetFields.Secrets}[{i}].label", $"A label of 1 to {MaxTextLength} characters is required (what the secret opens)."));
            }

            if (secret.SecretName is null || !SecretNamePattern().IsMatch(secret.SecretName))
            {
                errors.Add(new FieldError($"{AssetFields.Secrets}[{i}].secretName",
                    "A Key Vault secret name is required: 1 to 127 letters, digits and '-'. Never the secret itself."));
            }
        }

        var asset = new Asset
        {
            Tag = tag ?? "",
            Type = type ?? default,
            Name = name ?? "",
            Owner = Text(AssetFields.Owner),
            Site = Text(AssetFields.Site),
            Manufacturer = Text(AssetFields.Manufacturer),
            Model = Text(AssetFields.Model),
            SerialNumber = Text(AssetFields.SerialNumber),
            Os = Text(AssetFields.Os),
            OsVersion = Text(AssetFields.OsVersion),
            PurchaseDate = Date(AssetFields.PurchaseDate),
            WarrantyEnd = Date(AssetFields.WarrantyEnd),
            Criticality = Enum<Criticality>(AssetFields.Criticality, required: false) ?? Criticality.Medium,
            BackupEvery = backupEvery,
            LastBackupAt = Moment(AssetFields.LastBackupAt),
            LastPatchAt = Moment(AssetFields.LastPatchAt),
            Provider = Text(AssetFields.Provider),
            Status = Enum<AssetStatus>(AssetFields.Status, required: false) ?? AssetStatus.Active,
            Notes = Text(AssetFields.Notes, MaxLongTextLength),
            Configuration = Text(AssetFields.Configuration, MaxLongTextLength),
            Secrets = [.. secrets.Select(s => s with { Label = s.Label?.Trim() ?? "" })],
        };
        if (asset.PurchaseDate is { } bought && asset.WarrantyEnd is { } warranty && warranty < bought)
        {
            errors.Add(new FieldError(AssetFields.WarrantyEnd, $"The warranty ends ({warranty:yyyy-MM-dd}) before the purchase ({bought:yyyy-MM-dd})."));
        }

        return errors.Count == 0 ? (asset, errors) : (null, errors);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
