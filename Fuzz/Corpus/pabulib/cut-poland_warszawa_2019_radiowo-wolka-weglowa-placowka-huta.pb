META
key;value
description;Local PB in Warsaw, Bielany | Radiowo,Wólka Węglowa,Placówka,Huta
country;Poland
unit;Warszawa
subunit;Radiowo,Wólka Węglowa,Placówka,Huta
instance;2019
district;Bielany
num_projects;1
num_votes;142
budget;200000
vote_type;approval
rule;greedy
date_begin;15.06.2018
date_end;30.06.2018
min_length;1
max_sum_cost;200000
language;polish
edition;5
PROJECTS
project_id;cost;category;votes;name;target;selected
946;200000;public space,sport,health;142;Wielofunkcyjne boisko „Na Wólce” do koszykówki, siatkówki, badmintona, tenisa, piłki ręcznej / mininożnej - ogrodzone i bezpieczne;youth,adults,families with children;1
VOTES
voter_id;age;sex;voting_method;vote
856;39;F;internet;946
1311;59;M;internet;946
1886;23;M;internet;946
2619;40;M;internet;946
2810;37;M;internet;946
2972;23;F;internet;946
