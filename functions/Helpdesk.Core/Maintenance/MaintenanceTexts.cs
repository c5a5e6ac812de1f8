using System.Globalization;
using Helpdesk.Core.Localization;

namespace Helpdesk.Core.Maintenance;

/// <summary>
/// The words of reminders, in French or English: one line per finding (digest, ticket subject) and the ticket's
/// description. Written once when the reminder is claimed, so that a retried ticket creation sends exactly the same
/// request (its idempotency key then returns the first ticket).
/// </summary>
public static class MaintenanceTexts
{
    public static string Subject(Finding f, string lang)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fr = lang == Language.French;
        var what = f.Kind switch
        {
            MaintenanceRuleKind.OsEndOfSupport when f.Days <= 0 => fr ? $"{f.Label} n'est plus supporté depuis le {Date(f.Due, lang)}" : $"{f.Label} is out of support since {Date(f.Due, lang)}",
            MaintenanceRuleKind.OsEndOfSupport => fr ? $"fin de support de {f.Label} le {Date(f.Due, lang)} (dans {f.Days} jours)" : $"{f.Label} reaches end of support on {Date(f.Due, lang)} (in {f.Days} days)",
            MaintenanceRuleKind.WarrantyEnd => fr ? $"fin de garantie le {Date(f.Due, lang)} (dans {f.Days} jours)" : $"warranty ends on {Date(f.Due, lang)} (in {f.Days} days)",
            MaintenanceRuleKind.BackupStale when f.Since is null => fr ? "aucune sauvegarde signalée" : "no backup ever reported",
            MaintenanceRuleKind.BackupStale => fr ? $"dernière sauvegarde le {Date(f.Since, lang)} (attendue tous les {f.Days} jours)" : $"last backup on {Date(f.Since, lang)} (expected every {f.Days} days)",
            MaintenanceRuleKind.PatchStale => fr ? $"dernières mises à jour le {Date(f.Since, lang)} (plus de {f.Days} jours)" : $"last updates on {Date(f.Since, lang)} (over {f.Days} days)",
            _ => fr ? $"{f.Label} (prévu le {Date(f.Due, lang)})" : $"{f.Label} (due {Date(f.Due, lang)})",
        };
        return $"{f.Asset.Tag} {f.Asset.Name}: {what}";
    }

    public static string Description(Finding f, string lang, Uri assetUrl)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fr = lang == Language.French;
        var a = f.Asset;
        var lines = new List<string>
        {
            fr ? "Rappel de maintenance ouvert automatiquement." : "Maintenance reminder opened automatically.",
            "",
            Subject(f, lang),
            "",
            (fr ? "Équipement : " : "Asset: ") + $"{a.Tag} — {a.Name}",
        };
        void Add(string frLabel, string enLabel, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                lines.Add((fr ? frLabel : enLabel) + value);
            }
        }

        Add("Utilisateur : ", "Owner: ", a.Owner);
        Add("Site : ", "Site: ", a.Site);
        Add("Modèle : ", "Model: ", $"{a.Manufacturer} {a.Model}".Trim());
        Add("N° de série : ", "Serial number: ", a.SerialNumber);
        Add("Système : ", "Operating system: ", $"{a.Os} {a.OsVersion}".Trim());
        Add("Fournisseur : ", "Provider: ", a.Provider);
        Add("Source : ", "Source: ", f.Source);
        lines.Add((fr ? "Fiche : " : "Asset record: ") + assetUrl);
        return string.Join("\n", lines);
    }

    public static string UrgencyTitle(Urgency urgency, string lang) => (urgency, lang == Language.French) switch
    {
        (Urgency.Urgent, true) => "Urgent",
        (Urgency.Soon, true) => "Bientôt",
        (Urgency.Planned, true) => "À planifier",
        (Urgency.Urgent, false) => "Urgent",
        (Urgency.Soon, false) => "Soon",
        _ => "To plan",
    };

    private static string Date(DateOnly? date, string lang) =>
        date?.ToString(lang == Language.French ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string Date(DateTimeOffset? at, string lang) => Date(at is { } value ? DateOnly.FromDateTime(value.UtcDateTime) : null, lang);
}
