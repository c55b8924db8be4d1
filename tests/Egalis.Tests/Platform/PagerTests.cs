using Egalis.Web.Platform.Ui;

namespace Egalis.Tests.Platform;

public class PagerTests
{
    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(92, 25, 4)]
    public void Total_pages_rounds_up_and_is_never_zero(int count, int size, int expected) =>
        Assert.Equal(expected, Pager.TotalPages(count, size));

    [Theory]
    [InlineData(null, 1)]
    [InlineData(-3, 1)]
    [InlineData(0, 1)]
    [InlineData(7, 7)]
    public void A_missing_or_negative_page_is_page_one(int? page, int expected) =>
        Assert.Equal(expected, Pager.Clamp(page));

    [Fact]
    public void The_window_shows_first_last_and_neighbours_with_gaps()
    {
        Assert.Equal([1, 0, 8, 9, 10, 11, 12, 0, 20], Pager.Window(10, 20));
        Assert.Equal([1, 2, 3, 0, 20], Pager.Window(1, 20));
        Assert.Equal([1, 2, 3], Pager.Window(2, 3));
    }
}
