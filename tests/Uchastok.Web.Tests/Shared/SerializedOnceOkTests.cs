using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// A kept view is written compressed for a client that accepts it, from bytes compressed once, with the coding the
/// client prefers among those it accepts; as it is for one that accepts none, and for a small body.
/// </summary>
public sealed class SerializedOnceOkTests
{
    public sealed record Stop(int Order, string FullName, string Address);

    public sealed record Day(IReadOnlyList<Stop> Stops);

    private static readonly Day LongDay = new([.. Enumerable.Range(1, 60).Select(i => new Stop(i, $"Сейітов Ержан {i}", $"Алматы, ул. Толе би, {i}"))]);

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData("deflate", null)]
    [InlineData("", null)]
    public async Task ALongView_GoesInTheCodingTheClientAccepts_AndReadsBackAsTheSameJson(string acceptEncoding, string? expected)
    {
        var plain = await WriteAsync(LongDay, "");
        var (body, coding, vary) = await WriteWithHeadersAsync(LongDay, acceptEncoding);

        Assert.Equal(expected, coding);
        Assert.Equal("Accept-Encoding", vary);
        Assert.Equal(plain, Decode(body, coding));
        if (expected is not null) Assert.True(body.Length < plain.Length / 3, $"{body.Length} of {plain.Length} bytes");
    }

    [Fact]
    public async Task ASmallView_GoesAsItIs_WhateverTheClientAccepts()
    {
        var small = new Day([new Stop(1, "Сейітов", "Толе би, 59")]);

        var (body, coding, vary) = await WriteWithHeadersAsync(small, "br, gzip");

        Assert.Null(coding);
        Assert.Null(vary);
        Assert.Contains("Сейітов", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task TheSameView_IsWrittenTheSameEachTime()
    {
        var first = await WriteWithHeadersAsync(LongDay, "br");
        var second = await WriteWithHeadersAsync(LongDay, "br");

        Assert.Equal(first.Body, second.Body);
    }

    private static async Task<byte[]> WriteAsync(Day day, string acceptEncoding) => (await WriteWithHeadersAsync(day, acceptEncoding)).Body;

    private static async Task<(byte[] Body, string? Coding, string? Vary)> WriteWithHeadersAsync(Day day, string acceptEncoding)
    {
        var services = new ServiceCollection().AddLogging().AddOptions();
        services.ConfigureHttpJsonOptions(_ => { });
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        if (acceptEncoding.Length > 0) context.Request.Headers.AcceptEncoding = acceptEncoding;
        using var output = new MemoryStream();
        context.Response.Body = output;

        await new SerializedOnceOk<Day>(day).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(output.Length, context.Response.ContentLength);
        var coding = context.Response.Headers.ContentEncoding.ToString();
        var vary = context.Response.Headers.Vary.ToString();
        return (output.ToArray(), coding.Length == 0 ? null : coding, vary.Length == 0 ? null : vary);
    }

    private static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null) return body;
        using var input = new MemoryStream(body);
        using Stream stream = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
