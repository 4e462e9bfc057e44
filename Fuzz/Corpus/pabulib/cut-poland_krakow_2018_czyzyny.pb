META
key;value
description;District PB in Kraków, CZYŻYNY
country;Poland
unit;Kraków
subunit;CZYŻYNY
instance;2018
district;CZYŻYNY
num_projects;8
num_votes;1466
budget;127300
vote_type;ordinal
rule;greedy
date_begin;16.06.2018
date_end;30.06.2018
min_length;3
max_length;3
language;polish
edition;5
PROJECTS
project_id;cost;votes;score;name
6;40000;999;2302;Park przed Szkołą Podstawową nr 155
1;40000;666;1267;Rewitalizacja boiska sportowego przy M. Dąbrowskiej
8;40000;707;1242;Doposażenie ogródka jordanowskiego w elementy zabawowe
3;19000;583;1198;Chodnik do Avii i 2 Pułku Lot. 26 zamiast wydeptanej ścieżki
2;3500;465;969;Mali Ratownicy 
5;39000;488;851;Chodnik w miejscu wydeptanej ścieżki w drodze do tramwaju
4;4400;273;540;Profesjonalne zajęcia biegowo-ruchowe dla mieszkańców
7;20000;217;427;Wykonanie monitoringu w Szkole Podstawowej nr 52 w Krakowie
VOTES
voter_id;vote;voting_method
3;6,3,5;internet
7;7,5,3;internet
10;5,3,1;internet
61;8,3,6;internet
167;6,8,1;paper
206;6,5,7;internet
