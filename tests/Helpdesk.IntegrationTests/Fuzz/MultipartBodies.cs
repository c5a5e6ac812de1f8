using System.Globalization;
using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Bodies for <c>POST /api/tickets</c> as <c>multipart/form-data</c>: valid forms with and without attachments, files
/// that must be refused, every limit of the reader (file count and size, body size, field size, part header count and
/// length, text after a boundary, preamble) crossed, and broken structure, often after a file was already uploaded.
/// </summary>
public static class MultipartBodies
{
    private const int ReaderHeaderLimit = 16 * 1024;
    private const int ReaderHeaderCount = 16;

    private static readonly (string Extension, string ContentType)[] Allowed =
    [
        ("png", "image/png"), ("jpg", "image/jpeg"), ("pdf", "application/pdf"), ("txt", "text/plain"), ("log", "text/plain"),
        ("csv", "text/csv"), ("zip", "application/zip"), ("eml", "message/rfc822"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ];

    private delegate FuzzBody Variant(FuzzContext ctx, MultipartWriter body, List<(string Name, string Value)> fields, string trace);

    private static readonly (int Weight, string Name, Variant Make)[] Variants =
    [
        (3, "fields-only", (c, b, f, _) => Done(b.Fields(f))),
        (3, "fields-mutated", (c, b, f, _) => Done(b.Fields(Mutated(c, f)))),
        (6, "attachments", (c, b, f, tr) =>
        {
            b.Fields(f);
            for (var i = c.Text.Next(1, c.Target.MaxAttachments + 1); i > 0; i--)
            {
                AttachAllowed(c.Text, b, tr, i);
            }

            return Done(b);
        }),
        (3, "attachments-invalid-fields", (c, b, f, tr) => Done(AttachAllowed(c.Text, b.Fields(Mutated(c, f)), tr, 1))),
        (3, "wrong-magic-bytes", (c, b, f, tr) => Done(b.Fields(f).File("attachments", Name(tr, 1, c.Text.Pick("evil.pdf", "photo.png", "notes.txt", "archive.zip")),
            c.Text.Pick("application/pdf", "image/png", "text/plain", "application/zip"), [.. "MZ\x90\0\x03\0\0\0"u8, .. c.Text.Bytes(c.Text.Next(8, 512))]))),
        (4, "file-name-odd", (c, b, f, tr) =>
        {
            b.Fields(f);
            var name = c.Text.Pick(
                $"../../fz{tr}_1-etc.pdf", $"..\\..\\fz{tr}_1-win.pdf", $"C:\\Users\\x\\fz{tr}_1-scan.pdf", $"/etc/fz{tr}_1-passwd.txt",
                $"fz{tr}_1-a\0.pdf", $"fz{tr}_1-a.pdf\0.exe", $"fz{tr}_1-{new string('x', 300)}.pdf", $"fz{tr}_1-écran\u202Efdp.png",
                $"fz{tr}_1-{c.Text.Nasty().Replace("\"", "", StringComparison.Ordinal)}.txt", $"fz{tr}_1-.pdf", $"fz{tr}_1-a..pdf", $"fz{tr}_1-a.PDF",
                $"fz{tr}_1-a.pdf.", $"fz{tr}_1-a.pdf ", $"fz{tr}_1-CON.txt", $"fz{tr}_1-a%00.pdf", $"fz{tr}_1-a\r\nX-Injected: 1.txt");
            var (_, contentType) = c.Text.Pick(Allowed);
            return Done(b.Part($"Content-Disposition: form-data; name=\"attachments\"; filename=\"{name}\"\r\nContent-Type: {contentType}", Content(c.Text, "pdf")));
        }),
        (3, "file-name-star", (c, b, f, tr) => Done(b.Fields(f).Part(
            "Content-Disposition: form-data; name=\"attachments\"; " + c.Text.Pick(
                $"filename*=UTF-8''fz{tr}_1-%C3%A9cran.pdf", $"filename*=UTF-8''fz{tr}_1-%E2%80%AE.pdf", $"filename*=utf-8'fr'fz{tr}_1-a%20b.txt",
                $"filename=\"fallback.txt\"; filename*=UTF-8''fz{tr}_1-real.txt", "filename*=garbage", "filename*=UTF-8''%FF%FE.pdf", "filename*=''",
                $"filename=fz{tr}_1-unquoted.pdf", $"filename=\"fz{tr}_1-unterminated.pdf", "filename=\"\"", "filename=")
            + "\r\nContent-Type: application/pdf", Content(c.Text, "pdf")))),
        (4, "refused-type", (c, b, f, tr) =>
        {
            AttachAllowed(c.Text, b.Fields(f), tr, 1);
            var (name, type) = c.Text.Pick(("setup.exe", "application/x-msdownload"), ("page.html", "text/html"), ("run.sh", "application/x-sh"),
                ("a.js", "application/javascript"), ("scan.pdf", "application/x-msdownload"), ("page.txt", "text/html; charset=utf-8"),
                ("report.pdf.exe", "application/pdf"), ("noextension", "application/pdf"), ("a.svg", "image/svg+xml"), ("a.PNG ", "image/png"));
            b.File("attachments", Name(tr, 2, name), type, [.. "MZ"u8, .. c.Text.Bytes(64)]);
            return Done(c.Text.Chance(0.5) ? AttachAllowed(c.Text, b, tr, 3) : b);
        }),
        (3, "too-many-files", (c, b, f, tr) =>
        {
            b.Fields(f);
            for (var i = 1; i <= c.Target.MaxAttachments + c.Text.Next(1, 3); i++)
            {
                AttachAllowed(c.Text, b, tr, i);
            }

            return Done(b);
        }),
        (3, "file-over-the-limit", (c, b, f, tr) =>
        {
            AttachAllowed(c.Text, b.Fields(f), tr, 1);
            b.File("attachments", Name(tr, 2, "big.pdf"), "application/pdf", c.Text.Bytes((int)c.Target.MaxAttachmentBytes + c.Text.Pick(1, 1000, 70_000)));
            return Done(c.Text.Chance(0.5) ? AttachAllowed(c.Text, b, tr, 3) : b);
        }),
        (1, "file-at-the-limit", (c, b, f, tr) => Done(b.Fields(f).File("attachments", Name(tr, 1, "exact.pdf"), "application/pdf",
            c.Text.Bytes((int)c.Target.MaxAttachmentBytes)))),
        (2, "body-over-the-limit", (c, b, f, tr) =>
        {
            b.Fields(f);
            var size = (int)(c.Target.MaxAttachmentBytes * 9 / 10);
            for (var i = 1; b.Length <= c.Target.MaxRequestBytes; i++)
            {
                b.File("attachments", Name(tr, i, "part.pdf"), "application/pdf", c.Text.Bytes(size));
            }

            return Done(b);
        }),
        (3, "field-over-the-limit", (c, b, f, tr) =>
        {
            AttachAllowed(c.Text, b.Fields(f), tr, 1);
            return Done(b.Field(c.Text.Pick("description", "name", "unknown"), c.Text.Filler(FuzzTarget.MaxMultipartFieldBytes + c.Text.Pick(1, 100, 5000))));
        }),
        (2, "honeypot-with-file", (c, b, f, tr) => Done(AttachAllowed(c.Text, b.Fields(f).Field("website", "http://spam.example"), tr, 1))),
        (3, "idempotent-repeat", (c, b, f, tr) => Done(b)), // see Create: the body comes from the key's seed
        (3, "header-without-colon", (c, b, f, tr) => MaybeAfterFile(c, b, f, tr,
            w => w.Part(c.Text.Pick("Content-Disposition form-data; name=\"name\"", "Content-Type", "name=\"x\"", "Content-Disposition: form-data; name=\"subject\"\r\nX-No-Colon"),
                "x"u8.ToArray()))),
        (3, "too-many-part-headers", (c, b, f, tr) => MaybeAfterFile(c, b, f, tr,
            w => w.Part("Content-Disposition: form-data; name=\"subject\"\r\n" + string.Join("\r\n",
                Enumerable.Range(0, ReaderHeaderCount + c.Text.Next(0, 20)).Select(i => $"X-H{i}: v")), "x"u8.ToArray()))),
        (3, "part-header-too-long", (c, b, f, tr) => MaybeAfterFile(c, b, f, tr,
            w => w.Part("Content-Disposition: form-data; name=\"subject\"\r\nX-Long: " + new string('a', ReaderHeaderLimit + c.Text.Next(1, 2000)), "x"u8.ToArray()))),
        (3, "junk-after-boundary", (c, b, f, tr) =>
        {
            b.Fields(f.Take(2));
            b.Text($"--{b.Boundary}{new string(c.Text.Pick(' ', 'x', '\t'), c.Text.Pick(100, 101, 500))}\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nx\r\n");
            return Done(b);
        }),
        (3, "preamble-too-long", (c, b, f, tr) =>
        {
            var w = new MultipartWriter(b.Boundary).Text(c.Text.Filler(ReaderHeaderLimit + c.Text.Next(1, 4000)) + "\r\n");
            return Done(w.Fields(f));
        }),
        (3, "empty-section", (c, b, f, tr) => Body(b, c.Text.Pick($"--{b.Boundary}\r\n--{b.Boundary}--\r\n", $"--{b.Boundary}--\r\n", $"--{b.Boundary}\r\n\r\n--{b.Boundary}--\r\n",
            $"--{b.Boundary}\r\n\r\n\r\n--{b.Boundary}--\r\n", $"--{b.Boundary}\r\n", $"--{b.Boundary}", "\r\n", ""))),
        (3, "no-final-boundary", (c, b, f, tr) =>
        {
            AttachAllowed(c.Text, b.Fields(f), tr, 1);
            return c.Text.Chance(0.5) ? new FuzzBody("", b.ContentType, b.ToArray()[..^2]) : Done(b.Field("subject", "x").Text($"--{b.Boundary}\r\n"), close: false);
        }),
        (3, "file-then-truncated", (c, b, f, tr) =>
        {
            b.Fields(f.Take(3)).Part($"Content-Disposition: form-data; name=\"attachments\"; filename=\"{Name(tr, 1, "cut.pdf")}\"\r\nContent-Type: application/pdf", Content(c.Text, "pdf"));
            var bytes = b.ToArray();
            return new FuzzBody("", b.ContentType, bytes[..^c.Text.Next(3, 30)]);
        }),
        (3, "boundary-odd", (c, b, f, tr) =>
        {
            var body = b.Fields(f).Close().ToArray();
            var type = c.Text.Pick("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                "multipart/form-data; boundary=" + new string('b', 201), "multipart/form-data; boundary=" + new string('b', 71),
                "multipart/form-data; boundary=other", $"multipart/form-data; boundary=\"{b.Boundary}\"", $"multipart/form-data; boundary={b.Boundary}; boundary=x",
                $"multipart/form-data;boundary={b.Boundary};charset=utf-8", "multipart/form-data; boundary=\"a b\"", "multipart/form-data; boundary=\" \"",
                $"Multipart/Form-Data; BOUNDARY={b.Boundary}", $"multipart/mixed; boundary={b.Boundary}", "multipart/form-data; boundary=--", "multipart/form-data; boundary=\"unterminated");
            return new FuzzBody("", type, body);
        }),
        (2, "not-multipart", (c, b, f, tr) => Body(b, c.Text.Pick(JsonText.Strings(f), "name=x&email=y", "<html/>", "--", "\0\0\0\0", c.Text.Nasty()))),
        (2, "lf-line-endings", (c, b, f, tr) =>
        {
            var text = Encoding.UTF8.GetString(AttachAllowed(c.Text, b.Fields(f), tr, 1).Close().ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
            return new FuzzBody("", b.ContentType, Encoding.UTF8.GetBytes(text));
        }),
        (3, "disposition-odd", (c, b, f, tr) => Done(b.Fields(f).Part(c.Text.Pick(
            "Content-Type: text/plain", "Content-Disposition: attachment; name=\"subject\"", "Content-Disposition: inline", "Content-Disposition: form-data",
            "Content-Disposition: form-data; name=", "Content-Disposition: form-data; name=\"\"", "Content-Disposition: ;;;", "Content-Disposition: form-data; name=\"a\"; name=\"b\"",
            "Content-Disposition: form-data; name=\"subject\"; filename", "Content-Disposition: form-data; name=\"\0\"", "Content-Disposition: " + new string(';', 500),
            $"Content-Disposition: form-data; name=\"attachments\"; filename=\"{Name(tr, 1, "a.txt")}\"\r\nContent-Type: ",
            $"Content-Disposition: form-data; name=\"attachments\"; filename=\"{Name(tr, 1, "b.txt")}\"\r\nContent-Type: ;;;",
            $"content-disposition: FORM-DATA; NAME=\"attachments\"; FILENAME=\"{Name(tr, 1, "c.txt")}\""), "x"u8.ToArray()))),
        (2, "many-parts", (c, b, f, tr) =>
        {
            b.Fields(f);
            for (var i = c.Text.Next(200, 1500); i > 0; i--)
            {
                b.Field(c.Text.Pick("x", "name", "attachments", ""), "");
            }

            return Done(b);
        }),
        (2, "duplicate-fields", (c, b, f, tr) => Done(b.Fields(f).Fields(f.Select(x => (x.Name, c.Text.Nasty()))))),
        (1, "nested-multipart", (c, b, f, tr) =>
        {
            var inner = new MultipartWriter("inner" + c.Text.Letters(8));
            AttachAllowed(c.Text, inner, tr, 1).Close();
            return Done(b.Fields(f).Part($"Content-Disposition: form-data; name=\"attachments\"\r\nContent-Type: multipart/mixed; boundary={inner.Boundary}", inner.ToArray()));
        }),
        (1, "empty-file", (c, b, f, tr) => Done(b.Fields(f).File("attachments", Name(tr, 1, "empty.txt"), "text/plain", []).File("attachments", "", "application/octet-stream", []))),
    ];

    private static readonly int TotalWeight = Variants.Sum(v => v.Weight);

    public static FuzzBody Create(FuzzContext ctx)
    {
        var t = ctx.Text;
        var roll = t.Next(TotalWeight);
        foreach (var (weight, name, make) in Variants)
        {
            if (roll >= weight)
            {
                roll -= weight;
                continue;
            }

            if (name == "idempotent-repeat")
            {
                return SubmissionBodies.Idempotent(ctx, "multipart.idempotent-repeat", (keyText, index) =>
                {
                    var trace = index.ToString(CultureInfo.InvariantCulture);
                    var w = new MultipartWriter(Boundary(keyText)).Fields(TicketFields.Valid(keyText, index));
                    return Done(AttachAllowed(keyText, w, trace, 1)) with { Trace = trace };
                });
            }

            var traceToken = ctx.Index.ToString(CultureInfo.InvariantCulture);
            var body = make(ctx, new MultipartWriter(Boundary(t)), TicketFields.Valid(t, ctx.Index), traceToken);
            return body with { Variant = "multipart." + name, Trace = traceToken };
        }

        throw new InvalidOperationException("Unreachable: the weights cover the roll.");
    }

    /// <summary>A file name carrying the trace token, so that a blob left behind names its request.</summary>
    public static string Name(string trace, int n, string fileName) => $"fz{trace}_{n}-{fileName}";

    private static string Boundary(FuzzText t) => t.Pick("----WebKitFormBoundary", "---------------------------", "B", "boundary-", "=_") + t.Letters(t.Next(1, 24));

    private static List<(string Name, string Value)> Mutated(FuzzContext c, List<(string Name, string Value)> fields)
    {
        FieldMutations.Apply(c.Text, fields);
        return fields;
    }

    private static MultipartWriter AttachAllowed(FuzzText t, MultipartWriter body, string trace, int n)
    {
        var (extension, contentType) = t.Pick(Allowed);
        return body.File("attachments", Name(trace, n, t.Pick("scan", "écran", "log", "photo 1", "facture") + "." + extension), contentType, Content(t, extension));
    }

    /// <summary>Small content with the magic bytes of its type.</summary>
    private static byte[] Content(FuzzText t, string extension)
    {
        var size = t.Chance(0.1) ? t.Next(4096, 65_536) : t.Next(1, 2048);
        byte[] magic = extension switch
        {
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            "jpg" => [0xFF, 0xD8, 0xFF, 0xE0],
            "pdf" => "%PDF-1.7\n"u8.ToArray(),
            "zip" or "docx" => [0x50, 0x4B, 0x03, 0x04],
            _ => [],
        };
        return extension is "txt" or "log" or "csv" or "eml" ? Encoding.UTF8.GetBytes(t.Filler(size)) : [.. magic, .. t.Bytes(size)];
    }

    private static FuzzBody MaybeAfterFile(FuzzContext c, MultipartWriter b, List<(string Name, string Value)> f, string trace, Action<MultipartWriter> broken)
    {
        b.Fields(f.Take(c.Text.Next(0, f.Count + 1)));
        if (c.Text.Chance(0.6))
        {
            AttachAllowed(c.Text, b, trace, 1);
        }

        broken(b);
        return Done(b);
    }

    private static FuzzBody Done(MultipartWriter body, bool close = true) => new("", body.ContentType, (close ? body.Close() : body).ToArray());

    private static FuzzBody Body(MultipartWriter body, string text) => FuzzBody.Utf8("", body.ContentType, text);
}
