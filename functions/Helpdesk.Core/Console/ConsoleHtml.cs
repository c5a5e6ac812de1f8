using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Technicians;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Console;

/// <summary>
/// The console's page frame and shared pieces. Every value from a ticket, a requester or a technician goes through
/// <see cref="E"/> (HTML encoding): text typed into a ticket is shown as text, never run as markup or script.
/// </summary>
public static class ConsoleHtml
{
    /// <summary>Due within this: the countdown turns to the warning colour.</summary>
    public static readonly TimeSpan WarningWindow = TimeSpan.FromHours(1);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string T(string lang, string key) => ConsoleTexts.Get(lang, key);

    public static string F(string lang, string key, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(lang == Language.English ? "en-GB" : "fr-BE"), T(lang, key), args);

    public static string NewNonce() => Web.Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The page: header with who is signed in and sign-out, navigation (queues with counts, search, phone ticket, team), then the body.</summary>
    public static IResult Page(HttpContext http, string lang, Technician? person, string title, string body, int status = 200,
        IReadOnlyDictionary<string, int>? counts = null, string? current = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var nonce = NewNonce();
        var sb = new StringBuilder(16 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{Language.HtmlLang(lang)}\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)} — {E(T(lang, "app"))}</title><style>{Css}</style></head><body>");
        sb.Append(CultureInfo.InvariantCulture, $"<header><p class=\"app\">{E(T(lang, "app"))}</p>");
        if (person is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(F(lang, "signedin", person.Name))}</p>");
            sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.SignOut)}\">{ConsoleForms.HiddenField(http)}<button type=\"submit\" class=\"link\">{E(T(lang, "signout"))}</button></form>");
        }

        sb.Append("</header>");
        if (person is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<nav aria-label=\"{E(T(lang, "nav"))}\"><ul>");
            foreach (var queue in ConsoleQueues.Names)
            {
                var count = counts is not null && counts.TryGetValue(queue, out var n) ? $" <span class=\"count\">({n})</span>" : "";
                var aria = queue == current ? " aria-current=\"page\"" : "";
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ConsoleRoutes.Path(ConsoleRoutes.Queues)}?queue={queue}\"{aria}>{E(T(lang, "queue." + queue))}{count}</a></li>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ConsoleRoutes.Path(ConsoleRoutes.Phone)}\">{E(T(lang, "phone"))}</a></li>");
            if (person.IsAdmin)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ConsoleRoutes.Path(ConsoleRoutes.Roster)}\">{E(T(lang, "roster"))}</a></li>");
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ConsoleRoutes.Path(ConsoleRoutes.Operations)}\">{E(T(lang, "ops"))}</a></li>");
            }

            sb.Append("</ul>");
            sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{ConsoleRoutes.Path(ConsoleRoutes.Queues)}\" role=\"search\" class=\"search\">");
            sb.Append(CultureInfo.InvariantCulture, $"<label for=\"q\">{E(T(lang, "search.label"))}</label><input type=\"search\" id=\"q\" name=\"q\" maxlength=\"{ConsoleQueues.MaxSearchLength}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T(lang, "search"))}</button></form></nav>");
        }

        sb.Append("<main id=\"main\">").Append(body).Append("</main>");
        sb.Append(CultureInfo.InvariantCulture, $"<script nonce=\"{nonce}\">{CountdownScript}</script></body></html>");
        return new ConsolePageResult(sb.ToString(), status, nonce);
    }

    /// <summary>A due time as a countdown: text, machine-readable instant, and a colour class (plus words, not colour alone).</summary>
    public static string Countdown(string lang, DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } at || at == DateTimeOffset.MaxValue)
        {
            return $"<span class=\"due\">{E(T(lang, "due.none"))}</span>";
        }

        var left = at - now;
        var css = left < TimeSpan.Zero ? "breach" : left < WarningWindow ? "warn" : "ok";
        var text = left < TimeSpan.Zero ? F(lang, "due.overdue", Span(-left)) : F(lang, "due.in", Span(left));
        return $"<time class=\"countdown {css}\" datetime=\"{at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\" data-in=\"{E(T(lang, "due.in"))}\" data-over=\"{E(T(lang, "due.overdue"))}\">{E(text)}</time>";
    }

    /// <summary>"2 d 3 h", "1 h 05 min", "12 min" (the script writes the same).</summary>
    public static string Span(TimeSpan span)
    {
        var minutes = (long)Math.Floor(span.TotalMinutes);
        if (minutes >= 24 * 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / (24 * 60)} d {minutes % (24 * 60) / 60} h");
        }

        return minutes >= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:D2} min")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} min");
    }

    public static string Error(string message) => $"<div class=\"error-summary\" role=\"alert\">{E(message)}</div>";

    // The live countdown (and the phone form's known requesters): progressive enhancement only, the server already wrote each text and colour.
    private const string CountdownScript =
        "(function(){function s(m){if(m>=1440)return Math.floor(m/1440)+' d '+Math.floor(m%1440/60)+' h';" +
        "if(m>=60)return Math.floor(m/60)+' h '+String(m%60).padStart(2,'0')+' min';return m+' min';}" +
        "function tick(){var now=Date.now();document.querySelectorAll('time.countdown').forEach(function(t){" +
        "var left=(Date.parse(t.getAttribute('datetime'))-now)/60000;var over=left<0;var m=Math.floor(Math.abs(left));" +
        "t.textContent=(over?t.dataset.over:t.dataset.in).replace('{0}',s(m));" +
        "t.className='countdown '+(over?'breach':left<60?'warn':'ok');});}setInterval(tick,30000);" +
        // Phone form: picking a known requester's address fills an empty name field.
        "var e=document.getElementById('email'),n=document.getElementById('name'),k=document.getElementById('known-requesters');" +
        "if(e&&n&&k)e.addEventListener('change',function(){var o=Array.prototype.find.call(k.options,function(x){return x.value===e.value;});" +
        "if(o&&!n.value)n.value=o.dataset.name;});})();";

    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:0;line-height:1.45;color:#1b1b1b}" +
        "header{display:flex;gap:1rem;align-items:center;padding:.5rem 1rem;background:#0b3d6b;color:#fff}header p{margin:0}.app{font-weight:700;flex:1}" +
        "header .link{background:none;color:#fff;text-decoration:underline;padding:0}" +
        "nav{padding:.5rem 1rem;background:#eef2f6;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}" +
        "nav a{color:#0b3d6b;font-weight:600}nav a[aria-current=page]{text-decoration:none;border-bottom:3px solid #0b3d6b}" +
        "main{padding:1rem;max-width:80rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}" +
        "a{color:#0b4f9c}.countdown{padding:.1rem .4rem;border-radius:3px;white-space:nowrap}.ok{background:#e6f4ea;color:#1e4620}" +
        ".warn{background:#fff4ce;color:#4d3800}.breach{background:#fde7e9;color:#8a0010;font-weight:700}" +
        "label,legend{display:block;font-weight:600}input[type=text],input[type=email],input[type=tel],input[type=search],select,textarea{padding:.4rem;font:inherit;border:2px solid #555;border-radius:4px;max-width:100%}" +
        "textarea{width:100%}.field{margin:0 0 .8rem;border:0;padding:0}.radio{display:flex;gap:.4rem;align-items:center}.radio label{font-weight:400}" +
        "button{font:inherit;font-weight:600;padding:.4rem 1rem;background:#0b5cab;color:#fff;border:0;border-radius:4px;cursor:pointer}" +
        "a.button{display:inline-block;font-weight:600;padding:.5rem 1rem;background:#0b5cab;color:#fff;border-radius:4px;text-decoration:none}" +
        ":focus-visible{outline:3px solid #fd0;outline-offset:2px}.error-summary{border:3px solid #b00020;padding:.75rem;margin-bottom:1rem;color:#8a0010}" +
        ".notice{border:3px solid #1e4620;padding:.75rem;margin-bottom:1rem}.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.facts dt{font-weight:600}" +
        ".timeline{list-style:none;padding:0}.timeline li{border-left:4px solid #0b5cab;padding:.3rem .6rem;margin:.5rem 0;white-space:pre-wrap}" +
        ".timeline li.internal{border-left-color:#8a5a00;background:#fbf6ea}.badge{font-size:.85em;font-weight:700;text-transform:uppercase}" +
        ".actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}.actions form{border:1px solid #ccc;padding:.6rem;border-radius:4px}" +
        ".search{display:flex;gap:.4rem;align-items:center}.search label{font-weight:400}.filters{display:flex;gap:1rem;align-items:end;flex-wrap:wrap;margin-bottom:1rem}" +
        ".key{font-family:monospace;word-break:break-all;background:#eef2f6;padding:.5rem}";
}
