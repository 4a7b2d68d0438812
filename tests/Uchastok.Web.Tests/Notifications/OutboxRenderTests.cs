using Uchastok.Web.Notifications;

namespace Uchastok.Web.Tests.Notifications;

public sealed class OutboxRenderTests
{
    [Fact]
    public void Render_LineWithAnOmittedPlaceholder_IsLeftOut_AndTheRestKept()
    {
        var body = Outbox.Render("Answer: {text}\nRate it: {link}\nA short survey: {survey}",
            new Dictionary<string, string> { ["text"] = "Done.", ["link"] = "https://x/t", ["survey"] = Outbox.OmitLine });

        Assert.Equal("Answer: Done.\nRate it: https://x/t", body);
    }

    [Fact]
    public void Render_UnknownPlaceholder_StaysAsWritten_SoTheAdministratorSeesIt()
    {
        Assert.Equal("Hello {nme}, 7", Outbox.Render("Hello {nme}, {n}", new Dictionary<string, string> { ["n"] = "7" }));
    }
}
