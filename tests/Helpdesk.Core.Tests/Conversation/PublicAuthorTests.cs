using Helpdesk.Core.Conversation;

namespace Helpdesk.Core.Tests.Conversation;

public sealed class PublicAuthorTests
{
    [Theory]
    [InlineData("Alice Martin", "Alice Martin")]
    [InlineData("alice (key api)", "alice")]
    [InlineData("key api", "IT Support")]
    [InlineData("key monitoring", "IT Support")]
    [InlineData("system", "IT Support")]
    [InlineData("sla", "IT Support")]
    [InlineData("", "IT Support")]
    public void Requesters_SeeAPersonOrTheSupport_NeverWhichKeyActed(string actor, string expected)
    {
        Assert.Equal(expected, PublicAuthor.Of(actor, "IT Support"));
    }
}
