using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>Choice fields take exactly one of their values, in every format; a field sent twice is an error, not a merge.</summary>
public class StrictFieldTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Theory]
    [InlineData("category", "hardware,software")]
    [InlineData("category", "Hardware, Software")]
    [InlineData("impact", " team, organization ")]
    [InlineData("impact", "1")]
    [InlineData("canWork", "yes,no")]
    [InlineData("lang", "fr,en")]
    [InlineData("lang", "nl")]
    public async Task ListOrUnknownValue_IsAFieldError(string field, string value)
    {
        var fields = IntakeEndToEndTests.FormFields(AttachmentIntakeTests.NewEmail());
        fields[field] = value;
        using var client = Host.Client();

        using var json = await client.PostAsync("/api/tickets", JsonContent.Create(fields));
        using var form = await client.PostAsync("/api/tickets", new FormUrlEncodedContent(fields));

        foreach (var response in new[] { json, form })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Theory]
    [InlineData("category=hardware&category=software", "category")]
    [InlineData("impact=team&impact=team", "impact")]
    [InlineData("subject=A&subject=B", "subject")]
    public async Task FieldSentTwice_IsAFieldError_InEveryFormat(string repeated, string field)
    {
        var fields = IntakeEndToEndTests.FormFields(AttachmentIntakeTests.NewEmail());
        fields.Remove(field);
        var urlencoded = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&" + repeated;
        using var multipart = AttachmentIntakeTests.Form(AttachmentIntakeTests.NewEmail());
        foreach (var pair in repeated.Split('&'))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            multipart.Add(new StringContent(value), name);
        }

        using var client = Host.Client();
        using var form = await client.PostAsync("/api/tickets", new StringContent(urlencoded, Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var parts = await client.PostAsync("/api/tickets", multipart);

        foreach (var response in new[] { form, parts })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Theory]
    [InlineData(" team ")]
    [InlineData("TEAM")]
    public async Task OneValue_AroundSpacesAndCaseAside_IsAccepted(string impact)
    {
        var fields = IntakeEndToEndTests.FormFields(AttachmentIntakeTests.NewEmail());
        fields["impact"] = impact;
        using var client = Host.Client();

        using var response = await client.PostAsync("/api/tickets", JsonContent.Create(fields));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
