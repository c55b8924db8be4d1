using Egalis.Web.Platform.Text;

namespace Egalis.Tests.Platform;

/// <summary>The length refusal every service gives behind a form's maxlength.</summary>
public class TextsTests
{
    [Fact]
    public void A_text_too_long_is_refused_with_the_limit_and_what_was_typed()
    {
        Assert.Equal("Le message ne doit pas dépasser 4 000 caractères (4 001 saisis).", Texts.TropLong(new string('a', 4_001), 4_000, "Le message"));
        Assert.Null(Texts.TropLong(new string('a', 4_000), 4_000, "Le message"));
        Assert.Null(Texts.TropLong(null, 10, "Le message"));
    }
}
