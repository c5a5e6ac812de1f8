using System.Text;
using Helpdesk.Core.Console;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.IntegrationTests.Console;

public class IdentityTests
{
    private static readonly Technician Alice = new(Roster.IdOf("alice@example.be"), "Alice", "alice@example.be", [SupportLevel.L1], "en", TechnicianRole.Technician);

    [Fact]
    public void Caller_AttributesToThePerson_OrToTheKeyOnBehalfOfSomeone()
    {
        Assert.Equal("Alice", Caller.For(Alice).ActorFor("bob"));
        Assert.Equal("key api", Caller.ForKey("api").ActorFor(null));
        Assert.Equal("key api", Caller.ForKey("api").ActorFor("   "));
        Assert.Equal("jan (key monitoring)", Caller.ForKey("monitoring").ActorFor(" jan "));
    }

    [Fact]
    public void TechnicianKey_NamesItsEntry_AndMatchesOnlyItsOwnHash()
    {
        var key = TechnicianKeys.New(Alice.Id);
        var other = TechnicianKeys.New(Alice.Id);

        Assert.Equal(Alice.Id, TechnicianKeys.IdOf(key));
        Assert.True(TechnicianKeys.Matches(key, TechnicianKeys.Hash(key)));
        Assert.False(TechnicianKeys.Matches(other, TechnicianKeys.Hash(key)));
        Assert.DoesNotContain(key.Split('.')[1], TechnicianKeys.Hash(key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("ABCDEF.secret")]
    [InlineData("../../etc.secret")]
    public void TechnicianKey_NotShapedLikeAKey_NamesNobody(string? key) => Assert.Null(TechnicianKeys.IdOf(key));

    [Fact]
    public void ClientPrincipal_ReadsTheAddressClaim_AndIgnoresGarbage()
    {
        static HttpRequest With(string header)
        {
            var http = new DefaultHttpContext();
            http.Request.Headers[ClientPrincipal.Header] = header;
            return http.Request;
        }

        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"name","val":"Alice"},{"typ":"preferred_username","val":"alice@example.be"}]}"""));

        Assert.Equal("alice@example.be", ClientPrincipal.EmailOf(With(principal)));
        Assert.Null(ClientPrincipal.EmailOf(With("not base64!")));
        Assert.Null(ClientPrincipal.EmailOf(With(Convert.ToBase64String("[1,2]"u8.ToArray()))));
        Assert.Null(ClientPrincipal.EmailOf(With(Convert.ToBase64String("""{"claims":[{"typ":"preferred_username","val":"not an address"}]}"""u8.ToArray()))));
        Assert.Null(ClientPrincipal.EmailOf(new DefaultHttpContext().Request));
    }

    [Fact]
    public void ConsoleSearch_NeedsEveryWord_InSubjectRequesterOrAsset()
    {
        var item = new QueueItem(1042, "Imprimante hors ligne", TicketStatus.New, Priority.P3, SupportLevel.L1, null, null, DateTimeOffset.UnixEpoch,
            Category.Printer, "Jan Peeters", "jan@example.be", "PC-0042");

        Assert.True(ConsoleQueues.Matches(item, "hors ligne"));
        Assert.True(ConsoleQueues.Matches(item, "peeters pc-0042"));
        Assert.True(ConsoleQueues.Matches(item, "jan@example.be"));
        Assert.False(ConsoleQueues.Matches(item, "imprimante absent"));
    }

    [Fact]
    public void ConsoleQueues_Mine_Unassigned_Waiting()
    {
        var mine = new QueueItem(1, "a", TicketStatus.InProgress, Priority.P3, SupportLevel.L2, null, "alice", DateTimeOffset.UnixEpoch);
        var waiting = new QueueItem(2, "b", TicketStatus.WaitingOnProvider, Priority.P3, SupportLevel.L1, null, null, DateTimeOffset.UnixEpoch);

        Assert.True(ConsoleQueues.In("mine", mine, Alice));
        Assert.False(ConsoleQueues.In("unassigned", mine, Alice));
        Assert.True(ConsoleQueues.In("L2", mine, Alice));
        Assert.True(ConsoleQueues.In("unassigned", waiting, Alice));
        Assert.True(ConsoleQueues.In("waiting", waiting, Alice));
        Assert.False(ConsoleQueues.In("waiting", mine, Alice));
    }

    [Theory]
    [InlineData(5, "5 min")]
    [InlineData(65, "1 h 05 min")]
    [InlineData(60 * 24 + 180, "1 d 3 h")]
    public void Countdown_IsWrittenInMinutesHoursDays(int minutes, string text) =>
        Assert.Equal(text, Helpdesk.Core.Console.ConsoleHtml.Span(TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(30)));

    [Fact]
    public void Countdown_ColoursWarningAndBreach_AndSaysSoInWords()
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Contains("class=\"countdown ok\"", ConsoleHtml.Countdown("en", now.AddHours(3), now), StringComparison.Ordinal);
        Assert.Contains("class=\"countdown warn\"", ConsoleHtml.Countdown("en", now.AddMinutes(20), now), StringComparison.Ordinal);
        var breach = ConsoleHtml.Countdown("fr", now.AddMinutes(-90), now);
        Assert.Contains("class=\"countdown breach\"", breach, StringComparison.Ordinal);
        Assert.Contains("dépassée de 1 h 30 min", breach, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsoleTexts_HaveTheSameKeysInFrenchAndEnglish() =>
        Assert.Equal(ConsoleTexts.French.Keys.Order(StringComparer.Ordinal), ConsoleTexts.English.Keys.Order(StringComparer.Ordinal));
}
