namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>The public routes: <c>GET /api/form</c> and <c>POST /api/tickets</c> in every content type, right and wrong.</summary>
public static class PublicRequests
{
    public static FuzzRequest Form(FuzzContext ctx)
    {
        var t = ctx.Text;
        var headers = new List<(string Name, string Value)>();
        var variant = "form";
        var query = "";
        if (t.Chance(0.5))
        {
            variant += ".lang";
            query = "?lang=" + t.Pick("fr", "en", "EN", "en-GB", "", "xx", "fr,en", "fr&lang=en", "%00", "%C3%A9", "%FF", "e%20n", " en", new string('e', 3000),
                "en%0D%0AX-Injected:%201", "en#x", "&", "=", "%", "fr;en");
        }

        if (t.Chance(0.5))
        {
            variant += ".accept-language";
            headers.Add(("Accept-Language", t.Pick("en-GB,en;q=0.9", "nl-BE,fr;q=0.8", "*", "en;q=abc", ";;;,,,", "en-US;q=0.8;q=0.9", "en;q=NaN", "en;q=1e400",
                "en;q=-1", "fr;q=0, en;q=0", "-", "en-", "x-" + new string('a', 2000), string.Join(",", Enumerable.Range(0, 300).Select(i => $"l{i};q=0.{i % 10}")),
                "", "fr-BE\u00E9", "zh-Hant-TW", "EN", "en-gb-oed;q=0.5", "i-klingon", "en;q=0.5;fr")));
        }

        if (t.Chance(0.1))
        {
            variant += ".accept";
            headers.Add(("Accept", t.Pick("application/json", "text/html;q=0", "*/*;q=abc", "", "image/png")));
        }

        var method = t.Chance(0.05) ? t.Pick("POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH") : "GET";
        if (method != "GET")
        {
            variant += ".method-" + method.ToLowerInvariant();
        }

        return ctx.Request(variant, method, "/api/form" + query, headers);
    }

    public static FuzzRequest CreateTicket(FuzzContext ctx)
    {
        var t = ctx.Text;
        var body = t.Next(100) switch
        {
            < 28 => SubmissionBodies.UrlEncoded(ctx),
            < 58 => SubmissionBodies.Json(ctx),
            < 94 => MultipartBodies.Create(ctx),
            _ => WrongContentType(ctx),
        };
        var headers = new List<(string Name, string Value)>();
        if (body.ContentType is not null)
        {
            headers.Add(("Content-Type", body.ContentType));
        }

        var chunked = body.Chunked || t.Chance(0.05);
        if (chunked)
        {
            headers.Add(("Transfer-Encoding", "chunked"));
        }

        var roll = t.Next(100);
        if (roll < 30)
        {
            headers.Add(("Accept", t.Pick("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")));
        }
        else if (roll < 45)
        {
            headers.Add(("Accept", t.Pick("application/json", "*/*", "application/problem+json", "text/plain")));
        }

        if (t.Chance(0.2))
        {
            headers.Add(("Accept-Language", t.Pick("en-GB,en;q=0.9", "fr-BE", "nl", "*", ";;")));
        }

        headers.AddRange(IdempotencyKey(ctx, body));
        var path = "/api/tickets" + (t.Chance(0.1) ? "?lang=" + t.Pick("en", "fr", "xx", "", "%00") : "");
        return ctx.Request("tickets." + body.Variant + (chunked ? ".chunked" : ""), "POST", path, headers, body.Bytes, body.Trace);
    }

    /// <summary>A valid body under a content type the endpoint does not take (or none).</summary>
    private static FuzzBody WrongContentType(FuzzContext ctx)
    {
        var t = ctx.Text;
        var body = SubmissionBodies.Json(ctx);
        var contentType = t.Pick<string?>(null, "text/plain", "application/xml", "multipart/form-data", "multipart/mixed; boundary=x", "application/octet-stream",
            "", ";", "application/json; charset", "x/y; a=\"unterminated", "application/json, text/plain", "*/*", "application/jsonp", "text/json",
            "application/x-www-form-urlencoded; boundary=x", "application/json; " + new string('p', 5000) + "=1", "application/json;;;", "application/\u00E9");
        return body with { Variant = "content-type-wrong", ContentType = contentType, Trace = null, IdempotencyKey = null };
    }

    private static List<(string Name, string Value)> IdempotencyKey(FuzzContext ctx, FuzzBody body)
    {
        const string Header = "Idempotency-Key";
        if (body.IdempotencyKey is not null)
        {
            return [(Header, body.IdempotencyKey)];
        }

        var t = ctx.Text;
        var roll = t.Next(100);
        return roll switch
        {
            < 45 => [],
            < 75 => [(Header, $"fz-{ctx.Seed}-{ctx.Index}-{t.Letters(8)}")],
            // A small pool shared by unrelated bodies: the second use of a key with another body must get 422.
            < 88 => [(Header, $"fz-{ctx.Seed}-pool-{t.Next(8)}")],
            < 90 => [(Header, new string('k', FuzzTarget.MaxIdempotencyKeyLength))],
            < 92 => [(Header, new string('k', FuzzTarget.MaxIdempotencyKeyLength + 1))],
            < 93 => [(Header, t.Letters(t.Next(1000, 8000)))],
            < 94 => [(Header, t.Pick("   ", "", "\t"))],
            < 95 => [(Header, "!#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")],
            < 96 => [(Header, "clé-" + t.Letters(6))],
            < 97 => [(Header, "a\u0001b" + t.Letters(6))],
            < 98 => [(Header, "a\tb" + t.Letters(6))],
            _ => [(Header, $"fz-{ctx.Seed}-{ctx.Index}-a"), (Header, $"fz-{ctx.Seed}-{ctx.Index}-b")],
        };
    }
}
