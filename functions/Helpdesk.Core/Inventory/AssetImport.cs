using System.Diagnostics;
using System.Text;
using Azure;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Inventory;

/// <summary>
/// CSV import: upsert by tag, idempotent (a line equal to the stored asset changes nothing, so importing the same file
/// twice writes nothing the second time), with a report by line. Accepts what spreadsheets write: comma, semicolon
/// (Excel with a French or Belgian locale), tab or pipe separators, a UTF-8 byte order mark, or Windows-1252 text
/// (Excel's "CSV (séparateur : point-virgule)"). Columns are the API field names in any case and order; a column
/// that is absent keeps the stored value. Invalid lines are reported and skipped, valid ones imported; a dry run
/// reads everything and writes nothing. Storage: one read of the whole inventory (1,000 assets per request), then
/// batches of 100 changed assets, each guarded by the ETags read, so a concurrent edit is never overwritten (its
/// lines are reported instead).
/// </summary>
public sealed class AssetImport(AssetStore store, TimeProvider time, IOptions<InventoryOptions> options, ILogger<AssetImport> logger)
{
    private const int ParallelBatches = 4;
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The report, or null with <paramref name="fatal"/> set when the file cannot be read at all (header, size).</summary>
    public async Task<(ImportReport? Report, string? Fatal)> ImportAsync(byte[] file, bool dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var watch = Stopwatch.StartNew();
        var text = Decode(file);
        var errors = new List<ImportError>();
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MaxRecordSize = 256 * 1024,
            MalformedData = CsvMalformedDataHandling.Recover,
        });

        IReadOnlyList<string> headers;
        try
        {
            headers = [.. reader.Headers];
        }
        catch (CsvFormatException)
        {
            return (null, "The first line (the column names) cannot be read as CSV.");
        }

        var (columns, headerErrors) = Columns(headers);
        if (headerErrors.Count > 0)
        {
            return (new ImportReport(dryRun, 1, 0, 0, 0, 0, [], headerErrors), null);
        }

        var existing = new Dictionary<string, StoredAsset>(StringComparer.Ordinal);
        await foreach (var stored in store.ReadAllAsync(ct))
        {
            existing[stored.Asset.Tag] = stored;
        }

        var now = time.GetUtcNow();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var writes = new List<(long Line, Asset Asset, ETag? ETag)>();
        var changes = new List<ImportChange>();
        int lines = 0, unchanged = 0, invalid = 0;
        while (true)
        {
            bool more;
            long line;
            try
            {
                more = reader.Read();
                line = more ? reader.LineNumber : 0;
            }
            catch (CsvFormatException ex)
            {
                errors.Add(new ImportError(ex.LineNumber, null, "This line cannot be read as CSV (a quote is not closed?); the rest of the file was not read."));
                invalid++;
                break;
            }

            if (!more)
            {
                break;
            }

            if (++lines > options.Value.MaxImportRows)
            {
                return (null, $"The file has more than {options.Value.MaxImportRows} lines: split it.");
            }

            if (reader.FieldCount != headers.Count)
            {
                errors.Add(new ImportError(line, null, $"This line has {reader.FieldCount} fields, the header has {headers.Count}: check the separators and quotes."));
                invalid++;
                continue;
            }

            var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (field, index) in columns)
            {
                raw[field] = Unescape(reader.GetString(index));
            }

            var tag = AssetReader.NormalizeTag(raw.GetValueOrDefault(AssetFields.Tag));
            if (tag is not null && seen.TryGetValue(tag, out var first))
            {
                errors.Add(new ImportError(line, AssetFields.Tag, $"Tag {tag} is already on line {first}: each asset once per file."));
                invalid++;
                continue;
            }

            var current = tag is null ? null : existing.GetValueOrDefault(tag);
            var fields = current is null ? raw : Merge(AssetText.Fields(current.Asset), raw);
            var (asset, fieldErrors) = AssetReader.Read(fields, current?.Asset.Secrets ?? [], now);
            if (asset is null)
            {
                errors.AddRange(fieldErrors.Select(e => new ImportError(line, e.Field, e.Error)));
                invalid++;
                continue;
            }

            seen[asset.Tag] = line;
            if (current is null)
            {
                writes.Add((line, asset with { UpdatedAt = now }, null));
                changes.Add(new ImportChange(line, asset.Tag, "create"));
            }
            else if (AssetText.SameContent(current.Asset, asset with { UpdatedAt = current.Asset.UpdatedAt }))
            {
                unchanged++;
            }
            else
            {
                var before = AssetText.Fields(current.Asset);
                var after = AssetText.Fields(asset);
                writes.Add((line, asset with { UpdatedAt = now }, current.ETag));
                changes.Add(new ImportChange(line, asset.Tag, "update", [.. after.Where(kv => before.GetValueOrDefault(kv.Key) != kv.Value).Select(kv => kv.Key)]));
            }
        }

        var conflicts = 0;
        if (!dryRun && writes.Count > 0)
        {
            var failed = await WriteAsync(writes, ct);
            conflicts = failed.Count;
            foreach (var (line, tag) in failed)
            {
                errors.Add(new ImportError(line, AssetFields.Tag, $"Asset {tag} was changed by someone else during the import (or at the same time in this batch): nothing written for it; import again."));
                changes.RemoveAll(c => c.Line == line);
            }
        }

        var report = new ImportReport(dryRun, lines, changes.Count(c => c.Action == "create"), changes.Count(c => c.Action == "update"), unchanged,
            invalid + conflicts, changes, [.. errors.OrderBy(e => e.Line)]);
        InventoryLog.Imported(logger, dryRun, lines, report.Created, report.Updated, unchanged, invalid, conflicts, watch.ElapsedMilliseconds);
        return (report, null);
    }

    /// <summary>Writes in batches of 100 (one partition, one transaction each), a few at a time; returns the lines of failed batches.</summary>
    private async Task<List<(long Line, string Tag)>> WriteAsync(List<(long Line, Asset Asset, ETag? ETag)> writes, CancellationToken ct)
    {
        var failed = new List<(long, string)>();
        var batches = writes.Chunk(AssetStore.MaxBatch).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = ct }, async (batch, token) =>
        {
            if (!await store.WriteBatchAsync([.. batch.Select(w => (w.Asset, w.ETag))], token))
            {
                lock (failed)
                {
                    failed.AddRange(batch.Select(w => (w.Line, w.Asset.Tag)));
                }
            }
        });
        return failed;
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> stored, Dictionary<string, string?> line)
    {
        foreach (var (field, value) in line)
        {
            stored[field] = value;
        }

        return stored;
    }

    /// <summary>The column index of each known field, or the header's problems (line 1). Credentials refuse the whole file.</summary>
    private static (List<(string Field, int Index)> Columns, List<ImportError> Errors) Columns(IReadOnlyList<string> headers)
    {
        var columns = new List<(string, int)>();
        var errors = new List<ImportError>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            var field = AssetFields.Columns.FirstOrDefault(c => c.Equals(header, StringComparison.OrdinalIgnoreCase));
            if (AssetFields.LooksLikeCredential(header))
            {
                errors.Add(new ImportError(1, header, AssetFields.CredentialError + " Remove this column; nothing was imported."));
            }
            else if (field is null)
            {
                errors.Add(new ImportError(1, header, $"Unknown column. Columns: {string.Join(", ", AssetFields.Columns)}."));
            }
            else if (columns.Any(c => c.Item1 == field))
            {
                errors.Add(new ImportError(1, header, "This column appears twice."));
            }
            else
            {
                columns.Add((field, i));
            }
        }

        foreach (var required in new[] { AssetFields.Tag })
        {
            if (!columns.Any(c => c.Item1 == required))
            {
                errors.Add(new ImportError(1, required, $"The '{required}' column is required."));
            }
        }

        return (columns, errors);
    }

    /// <summary>Our export writes <c>'=...</c> for text a spreadsheet would run as a formula: read it back as it was.</summary>
    private static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    /// <summary>UTF-8 (with or without byte order mark) when the bytes are valid UTF-8, otherwise Windows-1252 (Excel's "ANSI" on Western Windows).</summary>
    public static string Decode(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var span = file.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return s_strictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(span);
        }
    }
}
