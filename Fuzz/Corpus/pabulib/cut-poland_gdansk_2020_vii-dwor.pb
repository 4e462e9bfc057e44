META
key;value
description;District PB in Gdańsk, VII DWÓR
country;Poland
unit;Gdańsk
subunit;VII DWÓR
instance;2020
district;VII DWÓR
num_projects;5
num_votes;362
budget;206000
vote_type;cumulative
rule;greedy
date_begin;09.09.2019
date_end;23.09.2019
min_sum_points;1
max_sum_points;5
language;polish
edition;7
PROJECTS
project_id;cost;votes;score;name
2;206000;181;704;Kontynuacja projektu z Budżetu Obywatelskiego 2018 i 2019 Modernizacja ul. Michałowskiego do ronda pod lasem.
4;120000;85;280;4 Nowe miejsca postojowe
5;40000;122;440;Wykonanie ciągu pieszego stanowiącego łącznik pomiędzy ulicami Abrahama i Gryglewskiego
3;89500;79;231;3 Modernizacji siłowni przy ul. Michałowskiego 52 w Gdańsku
1;5900;15;26;1 Rodzinna Gra Terenowa VII Dwór - zabawa na orientację
VOTES
voter_id;vote;points;sex;age
74;2;5;F;29
85;2;5;M;34
93;2;5;F;46
547;2;5;F;48
605;5,3,2;2,2,1;M;48
611;5;5;M;64
