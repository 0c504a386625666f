# Writes sites.csv: invented municipal ITT rows (one outcome, each site's primary horizon and 24 months) in the shape of
# the itt_clustered result tables, with one row withheld by disclosure control. Input of make_expected.R and the tests.
import math
import random

random.seed(20261127)
sites = {
    'deventer': (24, 0.20, 90, [('meer_begeleiding', 'Meer begeleiding', 'intensification'), ('begeleiding_op_afstand', 'Begeleiding op afstand', 'exemption'), ('begeleiding_op_verzoek', 'Begeleiding op verzoek', 'exemption')]),
    'groningen': (24, 0.18, 180, [('zelf_in_actie', 'Zelf in actie', 'exemption'), ('extra_hulp', 'Extra hulp', 'intensification'), ('extra_verdienen', 'Extra verdienen', 'earnings_disregard'), ('individueel_maatwerk', 'Individueel maatwerk', 'choice')]),
    'nijmegen': (24, 0.15, 100, [('vrij_en_verdienen', 'Vrij en verdienen', 'combination'), ('begeleiding_en_verdienen', 'Begeleiding en verdienen', 'combination')]),
    'tilburg': (24, 0.22, 195, [('zelfsturing_en_verdienen', 'Zelfsturing en verdienen', 'combination'), ('extra_begeleiding', 'Extra begeleiding', 'intensification'), ('coaching_en_verdienen', 'Coaching en verdienen', 'combination')]),
    'utrecht': (16, 0.12, 178, [('zelf_in_actie', 'Zelf in actie', 'exemption'), ('met_extra_hulp', 'Met extra hulp', 'intensification'), ('werken_loont', 'Werken loont', 'earnings_disregard')]),
    'wageningen': (22, 0.16, 103, [('autonomie', 'Autonomie', 'exemption'), ('intensieve_begeleiding', 'Intensieve begeleiding', 'intensification'), ('vrijlating', 'Vrijlating', 'earnings_disregard')]),
}
mean = {'exemption': 0.01, 'intensification': 0.05, 'earnings_disregard': 0.04, 'combination': 0.03, 'choice': 0.02}
print('site,arm,arm_name_nl,arm_type,outcome,horizon,estimate,se,ci_low,ci_high,p,df,n,n_arm,n_control,control_mean')
for s, (prim, cm, nc, arms) in sites.items():
    for h in sorted({prim, 24}):
        for a, name, t in arms:
            na = nc - 5 + random.randint(0, 10)
            se = round(math.sqrt(cm * (1 - cm) * (1 / na + 1 / nc)) * 1.1, 6)
            est = round(mean[t] + random.gauss(0, 0.03) + random.gauss(0, se), 6)
            df = 40.0 + random.randint(0, 20)
            row = [s, a, name, t, 'partial_full_outflow', str(h), repr(est), repr(se), repr(round(est - 2 * se, 6)), repr(round(est + 2 * se, 6)), '0.5', repr(df), str(na + nc), str(na), str(nc), repr(cm)]
            if s == 'wageningen' and a == 'vrijlating' and h == 24:
                row[6:] = [''] * 10
            print(','.join(row))
