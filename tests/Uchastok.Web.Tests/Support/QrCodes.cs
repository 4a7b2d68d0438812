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
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }
}
