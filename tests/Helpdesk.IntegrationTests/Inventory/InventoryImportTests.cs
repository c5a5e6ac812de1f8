using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>CSV import on Azurite through the API: a realistic 500-line Excel export with mistakes in it.</summary>
public class InventoryImportTests(InventoryFixture fixture) : IClassFixture<InventoryFixture>
{
    private HelpdeskHost Host => fixture.Host;

    /// <summary>
    /// What a small company's inventory spreadsheet looks like, saved by Excel (fr-BE) as "CSV UTF-8": semicolons,
    /// a byte order mark, CRLF, dd/MM/yyyy dates, accents, a note with a semicolon and a line break in quotes. Mistakes
    /// are put on known lines; <c>Expected</c> lists them as the report must give them (line numbers of the file).
    /// </summary>
    private sealed class Inventory500
    {
        public List<(long Line, string Field)> Expected { get; } = [];
        public List<string> ValidTags { get; } = [];
        public string Prefix { get; } = "I" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        public string Build(Func<int, string>? site = null)
        {
            string[] types = ["workstation", "laptop", "laptop", "server", "printer", "network-device", "firewall", "phone", "storage"];
            string[] owners = ["Marie Dubois", "Jan Peeters", "Frédérique Lemaître", "Zoë Van den Broeck", "Léon Müller"];
            var text = new StringBuilder("tag;type;name;owner;site;manufacturer;model;serialNumber;os;osVersion;purchaseDate;warrantyEnd;criticality;backupEvery;notes\r\n");
            long line = 1;
            for (var i = 1; i <= 500; i++)
            {
                line++;
                var tag = $"{Prefix}-{i:D4}";
                var type = types[i % types.Length];
                var purchase = $"{(i % 28) + 1:D2}/{(i % 12) + 1:D2}/{2020 + (i % 5)}";
                var warranty = $"{(i % 28) + 1:D2}/{(i % 12) + 1:D2}/{2025 + (i % 5)}";
                var notes = i == 10 ? "\"Câblage; baie 2\r\nvoir schéma\"" : i % 7 == 0 ? "Écran 27\" à remplacer".Replace("\"", "\"\"", StringComparison.Ordinal) is var n ? $"\"{n}\"" : "" : "";
                string? error = null;
                switch (i)
                {
                    case 37: purchase = "31/02/2023"; error = "purchaseDate"; break;   // no such date
                    case 88: type = "toaster"; error = "type"; break;
                    case 143: tag = $"{Prefix}-0142"; error = "tag"; break;           // duplicate of the line before
                    case 201: warranty = "2026/13/45"; error = "warrantyEnd"; break;
                    case 333: error = "name"; break;                                  // name left empty
                    case 404: error = "backupEvery"; break;
                    case 499: tag = "PC 499/B"; error = "tag"; break;                 // not a tag
                }

                var name = error == "name" ? "" : $"Poste {owners[i % owners.Length].Split(' ')[0]} {i}";
                var backup = error == "backupEvery" ? "chaque semaine" : type is "server" or "storage" ? "1" : "";
                text.Append(CultureInfoInvariant($"{tag};{type};{name};{owners[i % owners.Length]};{site?.Invoke(i) ?? "Namur"};Dell;Latitude 5440;SN{i:D6};Windows 11;23H2;{purchase};{warranty};medium;{backup};{notes}\r\n"));
                if (error is not null)
                {
                    Expected.Add((line, error));
                }
                else
                {
                    ValidTags.Add(tag);
                }

                if (i == 10)
                {
                    line++; // the quoted line break
                }
            }

            return text.ToString();
        }

        private static string CultureInfoInvariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> ImportAsync(byte[] file, bool dryRun = false, string contentType = "text/csv")
    {
        using var tech = Host.TechnicianClient();
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await tech.PostAsync("/api/assets/import" + (dryRun ? "?dryRun=true" : ""), content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task Import500Lines_WithMistakes_ReportsEachByLineAndField_DryRunWritesNothing_SecondImportChangesNothing()
    {
        var csv = new Inventory500();
        var file = Utf8WithBom(csv.Build());
        using var tech = Host.TechnicianClient();

        var (dryStatus, dry) = await ImportAsync(file, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(500, dry.GetProperty("lines").GetInt32());
        Assert.Equal(csv.ValidTags.Count, dry.GetProperty("created").GetInt32());
        Assert.Equal(csv.Expected, dry.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("field").GetString()!)));
        Assert.Equal(HttpStatusCode.NotFound, (await tech.GetAsync($"/api/assets/{csv.ValidTags[0]}")).StatusCode);

        var (status, report) = await ImportAsync(file);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(csv.ValidTags.Count, report.GetProperty("created").GetInt32());
        Assert.Equal(7, report.GetProperty("invalid").GetInt32());
        var duplicate = report.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("field").GetString() == "tag");
        Assert.Contains("already on line 144", duplicate.GetProperty("error").GetString(), StringComparison.Ordinal);
        var afterQuotedBreak = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{csv.Prefix}-0010");
        Assert.Equal("Câblage; baie 2\r\nvoir schéma", afterQuotedBreak.GetProperty("notes").GetString());
        var sample = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{csv.Prefix}-0002");
        Assert.Equal("Frédérique Lemaître", sample.GetProperty("owner").GetString());
        Assert.Equal("2022-03-03", sample.GetProperty("purchaseDate").GetString());

        var (againStatus, again) = await ImportAsync(file);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(csv.ValidTags.Count, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(sample.GetProperty("updatedAt").GetString(),
            (await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{csv.Prefix}-0002")).GetProperty("updatedAt").GetString());
    }

    [Fact]
    public async Task Reimport_WithOneChangedSite_UpdatesThatAssetOnly_NamingTheField()
    {
        var csv = new Inventory500();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(Utf8WithBom(csv.Build()))).Status);

        var (_, report) = await ImportAsync(Utf8WithBom(csv.Build(i => i == 5 ? "Liège" : "Namur")));

        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var change = report.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal($"{csv.Prefix}-0005", change.GetProperty("tag").GetString());
        Assert.Equal(["site"], change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task ExcelAnsiSemicolonFile_WithoutBom_KeepsItsAccents()
    {
        var tag = InventoryFixture.NewTag("AN");
        var text = $"Tag;Type;Name;Owner\r\n{tag};printer;Imprimante réception;Hélène Noël\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

        var (status, report) = await ImportAsync(Encoding.GetEncoding(1252).GetBytes(text), contentType: "application/vnd.ms-excel");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        using var tech = Host.TechnicianClient();
        var asset = await tech.GetFromJsonAsync<JsonElement>($"/api/assets/{tag}");
        Assert.Equal("Hélène Noël", asset.GetProperty("owner").GetString());
        Assert.Equal("Imprimante réception", asset.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AFileWithAPasswordColumn_ImportsNothing_422()
    {
        var tag = InventoryFixture.NewTag("PW");

        var (status, report) = await ImportAsync(Encoding.UTF8.GetBytes($"tag,type,name,adminPassword\r\n{tag},server,NAS,Hunter2!\r\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = report.GetProperty("errors")[0];
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal("adminPassword", error.GetProperty("field").GetString());
        using var tech = Host.TechnicianClient();
        Assert.Equal(HttpStatusCode.NotFound, (await tech.GetAsync($"/api/assets/{tag}")).StatusCode);
    }

    [Fact]
    public async Task ExportThenImport_RoundTrips_WithoutChanges()
    {
        var csv = new Inventory500();
        await ImportAsync(Utf8WithBom(csv.Build()));
        using var tech = Host.TechnicianClient();
        var exported = await tech.GetByteArrayAsync("/api/assets/export");

        var (status, report) = await ImportAsync(exported);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("updated").GetInt32());
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv", HttpStatusCode.BadRequest)]
    public async Task Import_OfNothingOrNotCsv_IsAClear4xx(string contentType, HttpStatusCode expected)
    {
        var (status, problem) = await ImportAsync([], contentType: contentType);

        Assert.Equal(expected, status);
        Assert.True(problem.TryGetProperty("detail", out _));
    }
}
