using System.Globalization;
using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>What every part of the generator needs for one request: its seed and index, the target, its random source.</summary>
public sealed record FuzzContext(int Seed, int Index, FuzzTarget Target, FuzzText Text)
{
    public const string ApiKeyHeader = "x-functions-key";

    /// <summary>
    /// Builds the request, on the raw transport when HttpClient could not send it as written: a header value outside
    /// printable ASCII, a header line repeated, a path that <see cref="Uri"/> would normalise. Raw requests get a
    /// Content-Length (HttpClient would have added it), or one chunk when chunked.
    /// </summary>
    public FuzzRequest Request(string @case, string method, string path, IReadOnlyList<(string Name, string Value)> headers, byte[]? body = null,
        string? trace = null)
    {
        body ??= [];
        var raw = !IsPlainPath(path)
                  || headers.Any(h => !IsPlain(h.Value, allowPercent: true) || !IsPlain(h.Name, allowPercent: false))
                  || headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1);
        if (!raw)
        {
            return new FuzzRequest(Seed, Index, @case, method, path, headers, body, FuzzTransport.Http, trace);
        }

        var framed = headers.ToList();
        var chunked = framed.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase));
        if (chunked)
        {
            body = body.Length == 0
                ? [.. "0\r\n\r\n"u8]
                : [.. Encoding.ASCII.GetBytes(body.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];
        }
        else if (body.Length > 0 || method == "POST")
        {
            framed.Add(("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return new FuzzRequest(Seed, Index, @case, method, path, framed, body, FuzzTransport.Raw, trace);
    }

    /// <summary>A request written exactly as given, framing included, on a raw socket.</summary>
    public FuzzRequest Raw(string @case, string method, string path, IReadOnlyList<(string Name, string Value)> headers, byte[] body,
        FuzzTransport transport = FuzzTransport.Raw, string? trace = null) =>
        new(Seed, Index, @case, method, path, headers, body, transport, trace);

    /// <summary>The technician key header, mostly right; sometimes missing, wrong, truncated, padded or in another case.</summary>
    public List<(string Name, string Value)> KeyHeaders()
    {
        var t = Text;
        var roll = t.Next(100);
        return roll switch
        {
            < 86 => [(ApiKeyHeader, Target.ApiKey)],
            < 89 => [],
            < 92 => [(ApiKeyHeader, t.Letters(Target.ApiKey.Length))],
            < 94 => [("X-Functions-Key", Target.ApiKey)],
            < 96 => [(ApiKeyHeader, Target.ApiKey[..(Target.ApiKey.Length / 2)])],
            < 97 => [(ApiKeyHeader, "")],
            < 98 => [(ApiKeyHeader, Target.ApiKey + "é")],
            < 99 => [(ApiKeyHeader, Target.ApiKey), (ApiKeyHeader, Target.ApiKey)],
            _ => [(ApiKeyHeader, " " + Target.ApiKey + " ")],
        };
    }

    /// <summary>A ticket number as written in a path: mostly one the priming requests created, sometimes odd.</summary>
    public string TicketNumber()
    {
        var t = Text;
        if (t.Chance(0.8))
        {
            return (Target.FirstTicketNumber + t.Next(Target.LikelyTickets)).ToString(CultureInfo.InvariantCulture);
        }

        var likely = Target.FirstTicketNumber.ToString(CultureInfo.InvariantCulture);
        return t.Pick(
            "+" + likely, "0" + likely, "00000" + likely, "-1", "0", "1", "999999", "2147483647", "2147483648", "-2147483648",
            "99999999999999999999", "abc", likely + ".0", "1e3", "0x3E9", "%2B" + likely, "%20" + likely, likely + "%20", "١٠٠١", "", "%00");
    }

    /// <summary>Printable ASCII without spaces, dot segments, double slashes or fragments: what <see cref="Uri"/> leaves as written.</summary>
    private static bool IsPlainPath(string path) =>
        path.All(c => c is > ' ' and < (char)0x7F and not '\\' and not '#')
        && !path.Contains("/.", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal);

    /// <summary>True when the text is printable ASCII (optionally without '%', which <see cref="Uri"/> may re-escape in names).</summary>
    private static bool IsPlain(string text, bool allowPercent) =>
        text.All(c => c is >= ' ' and < (char)0x7F && (allowPercent || c != '%'));
}
