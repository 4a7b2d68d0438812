using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.Appeals;

/// <summary>A resident attaches a full-size phone photo: it is made smaller in the browser, stays through a refused send, and arrives.</summary>
public sealed class AppealPhotoJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InEnglish_AttachesAnEightMegapixelPhoto_KeepsItThroughARefusal_AndFiles()
    {
        var page = await Host.NewPhonePageAsync(language: "en");
        await page.GotoAsync("/appeals/new");

        // A photo as a phone takes it: 4000 × 3000, noisy, well over the 5 MB a file may have.
        var photo = Convert.FromBase64String(await page.EvaluateAsync<string>(@"async () => {
            const canvas = document.createElement('canvas');
            canvas.width = 4000; canvas.height = 3000;
            const context = canvas.getContext('2d');
            const image = context.createImageData(4000, 3000);
            let seed = 7;
            for (let i = 0; i < image.data.length; i += 4) {
                seed = (seed * 1103515245 + 12345) & 0x7fffffff;
                image.data[i] = seed & 255; image.data[i + 1] = (seed >> 8) & 255; image.data[i + 2] = (seed >> 16) & 255; image.data[i + 3] = 255;
            }
            context.putImageData(image, 0, 0);
            const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.97));
            const bytes = new Uint8Array(await blob.arrayBuffer());
            let text = '';
            for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768));
            return btoa(text);
        }"));
        Assert.True(photo.Length > 5 * 1024 * 1024, $"the test photo is {photo.Length} bytes");
        await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "IMG_2041.jpg", MimeType = "image/jpeg", Buffer = photo });

        var item = page.Locator("#attachment-list li");
        await item.WaitForAsync();
        Assert.Equal(1, await item.Locator("img").CountAsync());
        var sent = await page.EvaluateAsync<long>("() => document.getElementById('attachments').files[0].size");
        Assert.InRange(sent, 1, 5 * 1024 * 1024);

        // Sent without its text: refused, the first message has the focus, the photo is still there.
        await page.SelectOptionAsync("#kind", "application");
        await page.ClickAsync("#submit-appeal");
        // The upload of a photo on a loaded two-core machine once took longer than the default 30 s wait.
        await page.Locator(".field-error[data-for=text]:not(:empty)").WaitForAsync(new() { Timeout = 120_000 });
        var refused = await page.EvaluateAsync<string>("() => Array.from(document.querySelectorAll('.field-error[data-for]')).filter(e => e.textContent.trim()).map(e => e.dataset.for).join(',')");
        Assert.Equal(refused.Split(',')[0], await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.getElementById('attachments').files.length"));
        Assert.Equal(1, await page.Locator("#attachment-list li").CountAsync());
        await PageChecks.AssertUsableAsync(page, "appeal-photo-refused-en");

        await page.SelectOptionAsync("#categoryId", new SelectOptionValue { Index = 2 });
        await page.FillAsync("#text", "A broken street light at the entrance; a photo is attached.");
        await page.Locator("#appeal-map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#appeal-map").BoundingBoxAsync())!;
        await page.Touchscreen.TapAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.FillAsync("#name", "Arman Bekov");
        await page.FillAsync("#email", $"arman-{Guid.NewGuid():N}@test.kz");
        await page.CheckAsync("input[name=consent]");
        await page.ClickAsync("#submit-appeal");
        await page.Locator("#filed").WaitForAsync(new() { Timeout = 120_000 });
        Assert.EndsWith(".jpg", await page.InnerTextAsync("section.card ul li a"));
        await PageChecks.AssertUsableAsync(page, "appeal-photo-filed-en");
        await page.Context.CloseAsync();
    }
}
