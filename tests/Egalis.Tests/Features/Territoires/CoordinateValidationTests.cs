using Egalis.Web.Features.Territoires;

namespace Egalis.Tests.Features.Territoires;

public class CoordinateValidationTests
{
    [Theory]
    [InlineData("43.2965", 43.2965)]
    [InlineData("-90", -90)]
    [InlineData("90", 90)]
    [InlineData(" 5.4 ", 5.4)]
    [InlineData("4.3e1", 43)]
    public void Valid_coordinates_parse(string raw, double expected)
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Equal(expected, TerritoiresApi.ParseCoordinate(raw, "lat", "latitude", 90, errors), 9);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(null, "obligatoire")]
    [InlineData("", "obligatoire")]
    [InlineData("quarante", "nombre")]
    [InlineData("43,29", "nombre")]
    [InlineData("Infinity", "nombre")]
    [InlineData("90.0001", "comprise entre -90 et 90")]
    public void Invalid_coordinates_get_a_french_message(string? raw, string expected)
    {
        var errors = new Dictionary<string, string[]>();
        TerritoiresApi.ParseCoordinate(raw, "lat", "latitude", 90, errors);
        Assert.Contains(expected, errors["lat"][0]);
    }
}
