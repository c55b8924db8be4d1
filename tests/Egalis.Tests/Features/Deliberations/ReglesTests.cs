using Egalis.Web.Features.Deliberations;
using S = Egalis.Web.Features.Deliberations.StatutPresence;

namespace Egalis.Tests.Features.Deliberations;

public class QuorumTests
{
    [Fact]
    public void The_founding_act_had_its_quorum()
    {
        // 90 members in office: 55 present, 14 represented, 21 absent.
        var r = PolitiqueQuorum.DroitCommun.Evaluer(90, 55, 14);
        Assert.True(r.Atteint);
        Assert.Equal(46, r.Seuil);
        Assert.Equal(55, r.Comptes);
    }

    [Fact]
    public void Exactly_half_present_is_not_a_quorum()
    {
        Assert.False(PolitiqueQuorum.DroitCommun.Evaluer(90, 45, 30).Atteint);
        Assert.True(PolitiqueQuorum.DroitCommun.Evaluer(90, 46, 0).Atteint);
        Assert.False(PolitiqueQuorum.DroitCommun.Evaluer(91, 45, 0).Atteint);
        Assert.True(PolitiqueQuorum.DroitCommun.Evaluer(91, 46, 0).Atteint);
    }

    [Fact]
    public void Proxies_do_not_count_under_common_law_but_do_under_the_temporary_regime()
    {
        Assert.False(PolitiqueQuorum.DroitCommun.Evaluer(90, 20, 40).Atteint);
        Assert.True(PolitiqueQuorum.RegimeTemporaire2020.Evaluer(90, 20, 10).Atteint);
        Assert.False(PolitiqueQuorum.RegimeTemporaire2020.Evaluer(90, 20, 9).Atteint);
        Assert.Equal(30, PolitiqueQuorum.RegimeTemporaire2020.Seuil(90));
        Assert.Equal(31, PolitiqueQuorum.RegimeTemporaire2020.Seuil(91));
    }

    [Fact]
    public void A_failed_quorum_explains_the_reconvocation()
    {
        var r = PolitiqueQuorum.DroitCommun.Evaluer(90, 40, 0);
        Assert.Contains("nouvelle séance, convoquée au moins 3 jours plus tard", r.Explication(PolitiqueQuorum.DroitCommun, 90));
        Assert.NotNull(ReglesReconvocation.Verifier(new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 3), PolitiqueQuorum.DroitCommun));
        Assert.Null(ReglesReconvocation.Verifier(new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 4), PolitiqueQuorum.DroitCommun));
    }
}

public class PouvoirsTests
{
    private static readonly LignePresence Albert = new(1, "ALBERT Guy", S.Present, null);
    private static readonly LignePresence Lafon = new(2, "LAFON Henri", S.Present, null);

    [Fact]
    public void A_second_proxy_is_refused_under_common_law()
    {
        var erreurs = ReglesPresence.Verifier(
            [Albert, Lafon, new(3, "AMAROUCHE Annie", S.Represente, 2), new(4, "SLISSA Monique", S.Represente, 2)], PolitiqueQuorum.DroitCommun);
        var (mandat, message) = Assert.Single(erreurs);
        Assert.Equal(2, mandat);
        Assert.Contains("Un membre présent porte un seul pouvoir : LAFON Henri en porte 2 (AMAROUCHE Annie, SLISSA Monique).", message);
    }

    [Fact]
    public void Two_proxies_are_allowed_under_the_temporary_regime_but_not_three()
    {
        LignePresence[] deux = [Albert, Lafon, new(3, "A", S.Represente, 2), new(4, "B", S.Represente, 2)];
        Assert.Empty(ReglesPresence.Verifier(deux, PolitiqueQuorum.RegimeTemporaire2020));
        Assert.Single(ReglesPresence.Verifier([.. deux, new(5, "C", S.Represente, 2)], PolitiqueQuorum.RegimeTemporaire2020));
    }

    [Fact]
    public void A_proxy_to_an_absent_member_is_refused()
    {
        var erreurs = ReglesPresence.Verifier([Albert, new(2, "LAFON Henri", S.Excuse, null), new(3, "AMAROUCHE Annie", S.Represente, 2)], PolitiqueQuorum.DroitCommun);
        Assert.Contains(erreurs, e => e.Message == "Le pouvoir d'AMAROUCHE Annie ne peut être porté que par un membre présent : LAFON Henri n'est pas marqué « présent ».");
    }

    [Fact]
    public void A_represented_member_needs_a_holder_and_others_have_none()
    {
        var erreurs = ReglesPresence.Verifier([Albert, new(3, "AMAROUCHE Annie", S.Represente, null), new(4, "BACHI Abbassia", S.Excuse, 1), new(5, "SOI Même", S.Represente, 5)], PolitiqueQuorum.DroitCommun);
        Assert.Contains(erreurs, e => e.Message == "Indiquez qui porte le pouvoir d'AMAROUCHE Annie, marqué « représenté ».");
        Assert.Contains(erreurs, e => e.Message == "Pour BACHI Abbassia, la présence choisie est « excusé » mais un pouvoir est indiqué : choisissez « représenté » pour garder le pouvoir, ou retirez-le.");
        Assert.Contains(erreurs, e => e.Message.Contains("Un membre ne porte pas son propre pouvoir"));
    }

    [Fact]
    public void A_proxy_lasts_three_consecutive_sessions_at_most()
    {
        LignePresence[] lignes = [Albert, new(3, "AMAROUCHE Annie", S.Represente, 1)];
        Assert.Empty(ReglesPresence.Verifier(lignes, PolitiqueQuorum.DroitCommun, new Dictionary<int, int> { [3] = 2 }));
        var erreurs = ReglesPresence.Verifier(lignes, PolitiqueQuorum.DroitCommun, new Dictionary<int, int> { [3] = 3 });
        Assert.Contains(erreurs, e => e.Message.Contains("a déjà servi pour 3 séances consécutives"));
    }
}

public class ScrutinTests
{
    [Fact]
    public void Adopted_by_the_absolute_majority_of_votes_cast()
    {
        Assert.Equal(ResultatDeliberation.Adoptee, new Scrutin(30, 29, 20, 0, false, null).Resultat());
        Assert.Equal(ResultatDeliberation.Rejetee, new Scrutin(29, 30, 0, 0, false, null).Resultat());
        // Abstentions are not votes cast: 10 for, 9 against and 40 abstentions is adopted.
        Assert.Equal(ResultatDeliberation.Adoptee, new Scrutin(10, 9, 40, 0, false, null).Resultat());
        Assert.Equal(19, new Scrutin(10, 9, 40, 5, false, null).Exprimes);
    }

    [Fact]
    public void On_a_tie_the_presidents_vote_decides_except_in_a_secret_ballot()
    {
        Assert.Equal(ResultatDeliberation.Adoptee, new Scrutin(20, 20, 3, 0, false, VoixDuPresidentPour: true).Resultat());
        Assert.Equal(ResultatDeliberation.Rejetee, new Scrutin(20, 20, 3, 0, false, VoixDuPresidentPour: false).Resultat());
        Assert.Equal(ResultatDeliberation.Rejetee, new Scrutin(20, 20, 3, 0, Secret: true, VoixDuPresidentPour: true).Resultat());
        Assert.Contains(new Scrutin(20, 20, 0, 0, false, null).Verifier(69), e => e.Contains("voix est prépondérante"));
        Assert.Empty(new Scrutin(20, 20, 0, 0, true, null).Verifier(69));
    }

    [Fact]
    public void More_votes_than_voters_is_refused()
    {
        Assert.Contains(new Scrutin(50, 20, 0, 0, false, null).Verifier(69), e => e.Contains("plus de voix (70) que de membres présents ou représentés (69)"));
        // Every category counts: abstentions and members not taking part are voters too.
        Assert.Equal(["Il y a plus de voix (70) que de membres présents ou représentés (69)."], new Scrutin(40, 20, 5, 5, false, null).Verifier(69));
    }

    [Fact]
    public void As_many_votes_as_voters_is_accepted()
    {
        Assert.Empty(new Scrutin(40, 20, 5, 4, false, null).Verifier(69));
        Assert.Empty(new Scrutin(0, 0, 0, 0, false, null).Verifier(0));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void Negative_counts_are_refused(int pour, int contre, int abstention, int nePrendPasPart) =>
        Assert.Equal(["Les décomptes ne peuvent pas être négatifs."], new Scrutin(pour, contre, abstention, nePrendPasPart, false, null).Verifier(69));

    [Fact]
    public void A_tie_at_zero_is_rejected_and_needs_no_presidents_vote()
    {
        Assert.Equal(ResultatDeliberation.Rejetee, new Scrutin(0, 0, 10, 0, false, VoixDuPresidentPour: true).Resultat());
        Assert.Empty(new Scrutin(0, 0, 10, 0, false, null).Verifier(69));
        Assert.Equal(ResultatDeliberation.Adoptee, new Scrutin(1, 0, 0, 0, false, null).Resultat());
    }

    [Fact]
    public void Scdl_counts_are_derived()
    {
        var d = DecomptesScdl.De(55, 14, new Scrutin(60, 4, 3, 2, false, null));
        Assert.Equal((69, 67, 60, 4, 3), (d.Effectif, d.Reel, d.Pour, d.Contre, d.Abstention));
        Assert.Equal(d.Reel, d.Pour + d.Contre + d.Abstention);
        Assert.True(d.Effectif >= d.Reel);
    }
}
