import type { VideoSeed } from './types';

/**
 * The videos in which the protagonist of the book's case tells his story.
 * The YouTube ids are placeholders in the valid 11-character format: the
 * editors replace them with the real ones when the videos are online.
 */
export const VIDEOS: VideoSeed[] = [
  {
    title: 'Il caso del libro raccontato dal protagonista. Parte 1: la prima telefonata',
    slug: 'il-caso-del-libro-raccontato-dal-protagonista-parte-1',
    youtubeId: 'cCiCdemo-01',
    posterKicker: 'Video · Parte 1',
    recordedOn: '2019-07-27',
    durationSeconds: 754,
    description:
      'Il protagonista del caso raccontato in «Chiudete i Call Center in outsourcing» ci mette la faccia. In questa prima parte ricostruisce da dove è partito tutto: un problema semplice, la prima chiamata al servizio clienti e la prima risposta sbagliata. Con i documenti alla mano, spiega che cosa avrebbe dovuto succedere e che cosa invece è successo.',
  },
  {
    title: 'Il caso del libro raccontato dal protagonista. Parte 2: quando il problema diventa un calvario',
    slug: 'il-caso-del-libro-raccontato-dal-protagonista-parte-2',
    youtubeId: 'cCiCdemo-02',
    posterKicker: 'Video · Parte 2',
    recordedOn: '2019-08-10',
    durationSeconds: 912,
    description:
      'Nella seconda parte il protagonista racconta le settimane successive: le decine di chiamate, gli operatori che cambiano a ogni contatto, le promesse di richiamata mai mantenute e i reclami scritti. E spiega che cosa ha imparato, per aiutare chi oggi si trova nella stessa situazione.',
  },
];
