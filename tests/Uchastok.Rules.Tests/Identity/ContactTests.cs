using Uchastok.Rules.Identity;

namespace Uchastok.Rules.Tests.Identity;

public sealed class ContactTests
{
    [Theory]
    [InlineData("aigerim.bekova@mail.kz", "a***@mail.kz")]
    [InlineData("+77014564433", "+7701***4433")]
    [InlineData("x@y.kz", "x***@y.kz")]
    [InlineData("12345678", "***")]
    [InlineData("-42", "***")]
    [InlineData("@nobody", "***")]
    public void Mask_KeepsOnlyWhatTheOwnerRecognises(string address, string shown) => Assert.Equal(shown, Contact.Mask(address));
}
