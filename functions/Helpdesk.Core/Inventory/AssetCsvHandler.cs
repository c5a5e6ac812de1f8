using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// <c>POST assets/import</c> (<c>text/csv</c>, <c>?dryRun=true</c>) and <c>GET assets/export</c>. The export is UTF-8
/// with a byte order mark (so Excel keeps accents), semicolon-separated by default (Excel with a French or Belgian
/// locale opens it in columns; <c>?separator=comma</c> for others), and text a spreadsheet would run as a formula is
/// written with a leading <c>'</c>, which the import removes again.
/// </summary>
public sealed class AssetCsvHandler(AssetImport import, AssetStore store, IOptions<InventoryOptions> options)
{
    private static readonly string[] s_csvTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    public async Task<IResult> ImportAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dryRunText = request.Query["dryRun"].ToString();
        if (dryRunText.Length > 0 && !bool.TryParse(dryRunText, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dryRun"] = ["Write dryRun=true or dryRun=false."] });
        }

        var dryRun = dryRunText.Length > 0 && bool.Parse(dryRunText);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !s_csvTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the file as text/csv.");
        }

        var max = options.Value.MaxImportBytes;
        if (request.ContentLength > max)
        {
            return TooLarge(max);
        }

        byte[] file;
        try
        {
            using var buffer = new MemoryStream();
            await new Web.BoundedStream(request.Body, max, () => new InvalidDataException("Body too large.")).CopyToAsync(buffer, ct);
            file = buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return TooLarge(max);
        }
        catch (Exception ex) when (Web.BodyReadFailure.Of(ex) is { } failure)
        {
            return failure.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(max) : failure.ToResult();
        }

        if (file.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty file", detail: "The file is empty: send a header line and one line per asset.");
        }

        var (report, fatal) = await import.ImportAsync(file, dryRun, ct);
        if (fatal is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file cannot be imported", detail: fatal);
        }

        // A header that cannot be used imports nothing: 422 with the report, so scripts notice.
        return report!.Errors.Any(e => e.Line == 1)
            ? TypedResults.Json(report, HelpdeskJson.Options, statusCode: StatusCodes.Status422UnprocessableEntity)
            : TypedResults.Json(report, HelpdeskJson.Options);
    }

    public Task<IResult> ExportAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var separator = request.Query["separator"].ToString().ToLowerInvariant() switch
        {
            "" or "semicolon" => ';',
            "comma" => ',',
            "tab" => '\t',
            _ => '\0',
        };
        if (separator == '\0')
        {
            return Task.FromResult<IResult>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["separator"] = ["Use separator=semicolon (default), comma or tab."] }));
        }

        return Task.FromResult<IResult>(new CsvResult(async (body, token) =>
        {
            await using var writer = CsvWriter.Create(body, CsvWriterOptions.Default with
            {
                Separator = separator,
                WriteByteOrderMark = true,
                Injection = CsvInjection.Escape,
                FormatProvider = CultureInfo.InvariantCulture,
            }, leaveOpen: true);
            writer.WriteHeader([.. AssetFields.Columns]);
            await foreach (var stored in store.ReadAllAsync(token))
            {
                var fields = AssetText.Fields(stored.Asset);
                foreach (var column in AssetFields.Columns)
                {
                    writer.WriteField(fields[column]);
                }

                await writer.EndRecordAsync(token);
            }

            await writer.FlushAsync(token);
        }));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"An import file is at most {max} bytes: split it.");
}
