namespace Helpdesk.Core.Tests.Email;

public class MailFuzzTests
{
    [Fact]
    public void ThreeThousandMutatedMessages_NoCrash_EachParsedOrRefusedInProductWords()
    {
        var corpus = MailCorpus.Files().Select(MailCorpus.Read).ToList();

        var result = MailFuzz.Run(seed: 8, count: 3000, corpus);

        Assert.Empty(result.Crashes);
        Assert.Equal(3000, result.Parsed + result.Refused);
        Assert.True(result.Parsed > 1000 && result.Refused > 0, $"parsed {result.Parsed}, refused {result.Refused}: the mutations should exercise both paths");
    }
}
