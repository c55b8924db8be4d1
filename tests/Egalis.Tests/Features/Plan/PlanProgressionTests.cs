using Egalis.Web.Features.Plan;
using N = Egalis.Web.Features.Plan.PlanProgression.Noeud;

namespace Egalis.Tests.Features.Plan;

public class PlanProgressionTests
{
    [Fact]
    public void A_leaf_without_a_figure_takes_its_status_default()
    {
        var r = PlanProgression.Calculer([new N(1, null, null, 50, false, null)]);
        Assert.Equal(50m, r[1]);
    }

    [Fact]
    public void A_leaf_figure_wins_over_the_status_default()
    {
        var r = PlanProgression.Calculer([new N(1, null, 30, 50, false, null)]);
        Assert.Equal(30m, r[1]);
    }

    [Fact]
    public void A_parent_is_the_mean_of_its_children()
    {
        var r = PlanProgression.Calculer([new N(1, null, 90, 0, false, null), new N(2, 1, 100, 0, false, null), new N(3, 1, 0, 0, false, null), new N(4, 1, null, 50, false, null)]);
        Assert.Equal(50m, r[1]);
    }

    [Fact]
    public void Weights_make_a_weighted_mean()
    {
        var r = PlanProgression.Calculer([new N(1, null, null, 0, false, null), new N(2, 1, 100, 0, false, 3m), new N(3, 1, 0, 0, false, 1m)]);
        Assert.Equal(75m, r[1]);
    }

    [Fact]
    public void An_abandoned_child_does_not_count()
    {
        var r = PlanProgression.Calculer([new N(1, null, null, 0, false, null), new N(2, 1, 100, 100, false, null), new N(3, 1, null, null, true, null)]);
        Assert.Equal(100m, r[1]);
        Assert.Null(r[3]);
    }

    [Fact]
    public void A_parent_whose_children_are_all_abandoned_has_no_figure()
    {
        var r = PlanProgression.Calculer([new N(1, null, null, 0, false, null), new N(2, 1, null, null, true, null)]);
        Assert.Null(r[1]);
    }

    [Fact]
    public void Progress_rolls_up_through_any_depth()
    {
        // Axe 1 ← (action 10 ← [sous-actions 100: 80 %, 101: 40 %]) and action 11 at 0 %.
        var r = PlanProgression.Calculer(
        [
            new N(1, null, null, 0, false, null), new N(10, 1, 99, 0, false, null), new N(11, 1, 0, 0, false, null),
            new N(100, 10, 80, 0, false, null), new N(101, 10, 40, 0, false, null),
        ]);
        Assert.Equal(60m, r[10]); // the parent's own figure is ignored once it has children
        Assert.Equal(30m, r[1]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2.5, 3)]
    [InlineData(7.142857, 7)]
    [InlineData(99.5, 100)]
    public void Figures_shown_are_whole_percentages(double? value, int? expected) =>
        Assert.Equal(expected, PlanProgression.Arrondi((decimal?)value));
}
