using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Tests.Intake;

public class BodyReadFailureTests
{
    [Theory]
    [InlineData(400, 400)]
    [InlineData(408, 408)]
    [InlineData(413, 413)]
    [InlineData(431, 400)] // trailers over the header limit
    public void ServerBodyErrors_MapToAStatusAndOurWords(int thrown, int answered)
    {
        var failure = BodyReadFailure.Of(new BadHttpRequestException("Bad chunk size data.", thrown));

        Assert.NotNull(failure);
        Assert.Equal(answered, failure.StatusCode);
        Assert.DoesNotContain("chunk size data", failure.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ConnectionErrors_Are400()
    {
        Assert.Equal(400, BodyReadFailure.Of(new IOException("Connection reset by peer"))!.StatusCode);
    }

    [Fact]
    public void OtherErrors_AreNotBodyReadFailures()
    {
        Assert.Null(BodyReadFailure.Of(new InvalidOperationException()));
        Assert.Null(BodyReadFailure.Of(new OperationCanceledException()));
    }
}
