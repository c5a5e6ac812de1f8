using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Localization;

/// <summary>Requester-facing languages. French first: the first users are in Belgium.</summary>
public static class Language
{
    public const string French = "fr";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Supported = [French, English];

    public static string Normalize(string? lang) =>
        lang?.Trim().ToLowerInvariant() switch
        {
            "fr" or "fr-be" or "fr-fr" => French,
            "en" or "en-gb" or "en-us" => English,
            _ => French,
        };

    public static bool IsSupported(string? lang) => lang is not null && Supported.Contains(lang.Trim().ToLowerInvariant());

    /// <summary><c>?lang=</c> wins, then the best supported <c>Accept-Language</c>, then French.</summary>
    public static string FromRequest(HttpRequest request)
    {
        var query = request.Query["lang"].ToString();
        if (IsSupported(query))
        {
            return query.Trim().ToLowerInvariant();
        }

        var accept = request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in accept.OrderByDescending(v => v.Quality ?? 1.0))
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (Supported.Contains(primary))
            {
                return primary;
            }
        }

        return French;
    }

    public static string HtmlLang(string lang) => lang == English ? "en" : "fr";

}
