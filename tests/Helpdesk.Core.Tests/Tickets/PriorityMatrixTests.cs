using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(Impact.Organization, CanWork.No, Priority.P1)]
    [InlineData(Impact.Organization, CanWork.Partly, Priority.P2)]
    [InlineData(Impact.Organization, CanWork.Yes, Priority.P3)]
    [InlineData(Impact.Team, CanWork.No, Priority.P2)]
    [InlineData(Impact.Team, CanWork.Partly, Priority.P3)]
    [InlineData(Impact.Team, CanWork.Yes, Priority.P4)]
    [InlineData(Impact.Individual, CanWork.No, Priority.P3)]
    [InlineData(Impact.Individual, CanWork.Partly, Priority.P4)]
    [InlineData(Impact.Individual, CanWork.Yes, Priority.P4)]
    public void DefaultMatrix_FollowsItil(Impact impact, CanWork canWork, Priority expected)
    {
        Assert.Equal(expected, new PriorityMatrix().For(impact, canWork));
    }

    [Fact]
    public void ConfiguredCell_OverridesDefault_OthersUnchanged()
    {
        var options = new PriorityMatrixOptions();
        options.Matrix["individual"] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["no"] = "P2" };

        var matrix = new PriorityMatrix(options);

        Assert.Equal(Priority.P2, matrix.For(Impact.Individual, CanWork.No));
        Assert.Equal(Priority.P1, matrix.For(Impact.Organization, CanWork.No));
    }

    [Fact]
    public void Validator_ReportsUnknownNamesAndPriorities()
    {
        var options = new PriorityMatrixOptions();
        options.Matrix["company"] = new Dictionary<string, string> { ["maybe"] = "P9" };

        var result = new PriorityMatrixOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("unknown impact 'company'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("unknown canWork 'maybe'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("'P9' is not a priority", StringComparison.Ordinal));
    }

    [Fact]
    public void WireNames_AreKebabCase_AndRoundTrip()
    {
        Assert.Equal("business-software", WireName.Of(Category.BusinessSoftware));
        Assert.Equal("waiting-on-provider", WireName.Of(TicketStatus.WaitingOnProvider));
        Assert.True(WireName.TryParse<Category>("Business-Software", out var c));
        Assert.Equal(Category.BusinessSoftware, c);
        Assert.False(WireName.TryParse<Impact>("everyone", out _));
        Assert.Equal(["hardware", "software", "business-software", "network", "internet", "account", "printer", "security", "other"], WireName.All<Category>());
    }
}
