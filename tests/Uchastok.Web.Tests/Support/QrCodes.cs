using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Uchastok.Web.Tests.Support;

/// <summary>Reads a QR code out of a PNG the way a phone does: pixels, binarised, decoded.</summary>
public static class QrCodes
{
    public static string Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        // The code is a clean generated image: read it as a pure barcode first, then as a camera would (trying harder,
        // with both binarisers), so that a code's particular pattern of modules cannot make a readable image fail.
        var reader = new QRCodeReader();
        var result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true })
            ?? reader.decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })
            ?? reader.decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        Assert.NotNull(result);
        return result.Text;
    }
}
