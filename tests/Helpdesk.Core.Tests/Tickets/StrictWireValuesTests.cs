using System.Text.Json;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

/// <summary>Enum values on the wire are exactly one defined value: never a number, a numeric string or a comma list.</summary>
public class StrictWireValuesTests
{
    [Theory]
    [InlineData("\"P1,P2\"")]
    [InlineData("\"p1, p2\"")]
    [InlineData("1")]
    [InlineData("\"2\"")]
    [InlineData("\"P5\"")]
    [InlineData("\"P0\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    public void Priority_RefusesAnythingButOneValue(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActionRequest>($$"""{"priority":{{json}}}""", HelpdeskJson.Options));

        Assert.Equal("$.priority", ex.Path);
        Assert.Equal("The value must be one of P1, P2, P3, P4.", ex.Message);
    }

    [Theory]
    [InlineData("\"public, internal\"")]
    [InlineData("\"public,internal\"")]
    [InlineData("0")]
    [InlineData("\"1\"")]
    [InlineData("\"secret\"")]
    public void Visibility_RefusesAnythingButOneValue(string json)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActionRequest>($$"""{"visibility":{{json}}}""", HelpdeskJson.Options));

        Assert.Equal("$.visibility", ex.Path);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"P2\"", Priority.P2)]
    [InlineData("\"p2\"", Priority.P2)]
    public void Priority_OneValue_InAnyCase(string json, Priority expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<ActionRequest>($$"""{"priority":{{json}}}""", HelpdeskJson.Options)!.Priority);

    [Fact]
    public void Enums_AreWrittenAsBefore_AndReadBack()
    {
        var dto = new { Priority = Priority.P1, Level = SupportLevel.L2, Category = Category.BusinessSoftware, Status = TicketStatus.WaitingOnProvider,
            TimeAtLevel = new Dictionary<SupportLevel, int> { [SupportLevel.L1] = 1 }, Phase = SlaPhase.Running };

        var json = JsonSerializer.Serialize(dto, HelpdeskJson.Options);

        Assert.Equal("""{"priority":"P1","level":"L2","category":"business-software","status":"waiting-on-provider","timeAtLevel":{"L1":1},"phase":"running"}""", json);
        var back = JsonSerializer.Deserialize<Dictionary<SupportLevel, int>>("""{"l1":1,"L3":2}""", HelpdeskJson.Options)!;
        Assert.Equal([SupportLevel.L1, SupportLevel.L3], back.Keys);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<SupportLevel, int>>("""{"L1,L2":1}""", HelpdeskJson.Options));
    }

    [Theory]
    [InlineData("L1,L2")]
    [InlineData("L1, L2")]
    [InlineData("3")]
    [InlineData("L4")]
    [InlineData("")]
    public void WireName_RefusesLevelsThatAreNotExactlyOne(string text) => Assert.False(WireName.TryParse<SupportLevel>(text, out _));

    [Theory]
    [InlineData("l2", SupportLevel.L2)]
    [InlineData("L3", SupportLevel.L3)]
    public void WireName_ReadsOneLevel_InAnyCase(string text, SupportLevel expected)
    {
        Assert.True(WireName.TryParse<SupportLevel>(text, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void WireName_Parse_RefusesListsAndNumbers_WithTheAllowedValues()
    {
        Assert.Equal("'public, internal' is not one of public, internal.",
            Assert.Throws<FormatException>(() => WireName.Parse<Visibility>("public, internal")).Message);
        Assert.Equal("'P1,P2' is not one of P1, P2, P3, P4.", Assert.Throws<FormatException>(() => WireName.Parse<Priority>("P1,P2")).Message);
        Assert.Equal("'L1,L2' is not one of L1, L2, L3.", Assert.Throws<FormatException>(() => WireName.Parse<SupportLevel>("L1,L2")).Message);
        Assert.Equal("P1", WireName.Of(Priority.P1));
        Assert.Equal("L3", WireName.Of(SupportLevel.L3));
        Assert.Throws<FormatException>(() => WireName.Parse<Category>("0"));
        Assert.Equal(Category.BusinessSoftware, WireName.Parse<Category>("business-software"));
    }

    [Fact]
    public void PriorityMatrixSetting_WithACommaList_IsRefusedAtStart()
    {
        var options = new PriorityMatrixOptions();
        options.Matrix["team"] = new Dictionary<string, string> { ["partly"] = "P1,P2" };

        var result = new PriorityMatrixOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'P1,P2' is not a priority", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.visibility", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("$.Visibility", "visibility", "The field 'visibility' must be one of public, internal.")]
    [InlineData("$['priority']", "priority", "The field 'priority' must be one of P1, P2, P3, P4.")]
    [InlineData("$.on", "on", "The field 'on' must be one of requester, provider.")]
    [InlineData("$.text", "text", "The field 'text' must be a string.")]
    public void ActionFieldErrors_NameTheFieldAndItsValues(string path, string field, string message) =>
        Assert.Equal((field, message), ActionCommands.FieldError(path));

    [Theory]
    [InlineData("$")]
    [InlineData(null)]
    [InlineData("$.unknown")]
    public void ActionFieldErrors_OutsideTheFields_DescribeTheBody(string? path)
    {
        var (field, message) = ActionCommands.FieldError(path);

        Assert.Null(field);
        Assert.StartsWith("The body must be a JSON object", message, StringComparison.Ordinal);
    }
}
