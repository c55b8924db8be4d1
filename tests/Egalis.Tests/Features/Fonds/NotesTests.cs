using Egalis.Web.Features.Fonds;

namespace Egalis.Tests.Features.Fonds;

/// <summary>Marks out of 20 weighted by the grid, their mean and spread, and when a dossier is ready for the committee.</summary>
public class NotesTests
{
    private static readonly Notes.Critere[] Grille = [new(1, 3, 5), new(2, 1, 10)];

    [Fact]
    public void A_complete_scoring_is_a_mark_out_of_20_weighted_by_the_criteria()
    {
        // (4/5 × 3 + 5/10 × 1) / 4 × 20 = (2.4 + 0.5) / 4 × 20 = 14.5
        Assert.Equal(14.5m, Notes.SurVingt(Grille, new Dictionary<int, int> { [1] = 4, [2] = 5 }));
        Assert.Equal(20m, Notes.SurVingt(Grille, new Dictionary<int, int> { [1] = 5, [2] = 10 }));
        Assert.Equal(0m, Notes.SurVingt(Grille, new Dictionary<int, int> { [1] = 0, [2] = 0 }));
        // (1/5 × 3 + 0) / 4 × 20 = 3
        Assert.Equal(3m, Notes.SurVingt(Grille, new Dictionary<int, int> { [1] = 1, [2] = 0 }));
        // (2/3 × 1) / 1 × 20 = 13.33
        Assert.Equal(13.33m, Notes.SurVingt([new(7, 1, 3)], new Dictionary<int, int> { [7] = 2 }));
        Assert.Null(Notes.SurVingt(Grille, new Dictionary<int, int> { [1] = 4 }));
        Assert.Null(Notes.SurVingt([], new Dictionary<int, int>()));
        Assert.Null(Notes.SurVingt([new(1, 0, 5)], new Dictionary<int, int> { [1] = 4 }));
    }

    [Fact]
    public void A_dossier_mark_is_the_mean_of_complete_scorings_with_their_spread()
    {
        var synthese = Notes.Synthetiser(Grille,
        [
            ("Ivan", 1, 4), ("Ivan", 2, 5),
            ("Alice", 1, 5), ("Alice", 2, 10),
            // Eva has not scored everything: not counted.
            ("Eva", 1, 1),
        ]);
        Assert.Equal(2, synthese.Completes);
        Assert.Equal(14.5m, synthese.ParInstructeur["Ivan"]);
        Assert.Equal(20m, synthese.ParInstructeur["Alice"]);
        Assert.False(synthese.ParInstructeur.ContainsKey("Eva"));
        Assert.Equal(17.25m, synthese.Moyenne);
        Assert.Equal(5.5m, synthese.Ecart);

        var vide = Notes.Synthetiser(Grille, [("Eva", 1, 1)]);
        Assert.Equal(0, vide.Completes);
        Assert.Null(vide.Moyenne);
        Assert.Null(vide.Ecart);
        Assert.Equal(0m, Notes.Synthetiser(Grille, [("Ivan", 1, 4), ("Ivan", 2, 5)]).Ecart);
    }

    [Fact]
    public void Ready_means_in_instruction_with_the_scorings_the_call_requires()
    {
        var deux = Notes.Synthetiser(Grille, [("Ivan", 1, 4), ("Ivan", 2, 5), ("Alice", 1, 5), ("Alice", 2, 10)]);
        Assert.True(Notes.Pret(EtatDossier.EnInstruction, deux, 2));
        Assert.True(Notes.Pret(EtatDossier.EnInstruction, deux, 1));
        Assert.False(Notes.Pret(EtatDossier.EnInstruction, deux, 3));
        Assert.False(Notes.Pret(EtatDossier.EnConstruction, deux, 2));
        Assert.False(Notes.Pret(EtatDossier.Accepte, deux, 2));
    }
}
