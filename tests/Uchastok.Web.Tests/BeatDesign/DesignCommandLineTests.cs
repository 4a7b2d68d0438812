using Uchastok.Web.Host;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.BeatDesign;

/// <summary><c>./run.sh beats design</c>: a progress bar on standard error, today's measures beside the proposal's on standard output.</summary>
public sealed class DesignCommandLineTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Design_ForAlmaly_ShowsProgressAndTheComparison_AndChangesNothing()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var client = factory.Client();
        var beatsBefore = (await (await client.GetAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).JsonAsync()).GetProperty("beat").GetProperty("id").GetInt32();

        var exit = await BeatDesignCommandLine.RunAsync(factory.Services, ["--district", "almaly", "--beats", "20", "--time-limit", "60", "--seed", "3"], output, errors);

        Assert.Equal(0, exit);
        Assert.Contains("100 %", errors.ToString(), StringComparison.Ordinal);
        var table = output.ToString();
        Assert.Matches(@"\| 56 \| 20 \|", table);
        Assert.Contains("100 %", table, StringComparison.Ordinal);
        var after = (await (await client.GetAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).JsonAsync()).GetProperty("beat").GetProperty("id").GetInt32();
        Assert.Equal(beatsBefore, after);
    }

    [Fact]
    public async Task Design_OfAnUnknownDistrict_Fails()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(1, await BeatDesignCommandLine.RunAsync(factory.Services, ["--district", "atlantis"], output, errors));
        Assert.Equal(2, await ShellCommands.RunBeatsAsync(factory.Services, ["design-all"], output, errors));
    }
}
